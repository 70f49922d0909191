export { findIdentifierColumns, type IdentifierFinding, type IdentifierScanOptions } from './identifierColumns';
export { IDENTIFIER_PATTERNS, foldHeader, type IdentifierKind } from './identifierPatterns';
