import { CONDITION_LABELS, CONDITIONS } from '$lib/domain/conditions';
import { TECHNIQUE_LABELS, TECHNIQUES } from '$lib/domain/techniques';
import { foldHeader, IDENTIFIER_PATTERNS, type IdentifierKind } from './identifierPatterns';

/** A column that must not be loaded, and why. */
export interface IdentifierFinding {
	column: string;
	kind: IdentifierKind;
	/** What gave it away: the header, or how many of the values looked so. */
	evidence: string;
	reason: string;
}

export interface IdentifierScanOptions {
	/** Share of non-empty values that must look like an identifier for the content to count (default 0.2). */
	minShare?: number;
}

const PERSON_NAME = /^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’.-]*){1,3}$/;
const ISO_OR_COMMON_DATE = /^(\d{4})-\d{2}-\d{2}$|^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/;

function nonEmpty(values: readonly unknown[]): string[] {
	return values.map((v) => (v === null || v === undefined ? '' : String(v).trim())).filter((v) => v !== '');
}

/** Technique and condition words ("Deep Tissue", "Low Back Pain") look like names but are the data's own vocabulary. */
const VOCABULARY = new Set(
	[...TECHNIQUES, ...CONDITIONS, ...Object.values(TECHNIQUE_LABELS), ...Object.values(CONDITION_LABELS)].map(foldHeader)
);

/** Names by content: mostly "Capitalised Words" outside the vocabulary, and nearly all different from each other. */
function looksLikeNames(values: string[]): boolean {
	if (values.length < 5) return false;
	const named = values.filter((v) => PERSON_NAME.test(v) && !VOCABULARY.has(foldHeader(v)));
	return named.length >= 5 && named.length / values.length >= 0.6 && new Set(named).size / named.length >= 0.8;
}

/** Free text by content: long values with several words, mostly distinct. */
function looksLikeFreeText(values: string[]): boolean {
	if (values.length < 3) return false;
	const long = values.filter((v) => v.length >= 40 && v.split(/\s+/).length >= 6);
	return long.length / values.length >= 0.3 && new Set(long).size / long.length >= 0.5;
}

/** Birth dates by content: full dates whose years span more than 30 years (visit dates do not). */
function looksLikeBirthDates(values: string[]): boolean {
	const years = values.map((v) => ISO_OR_COMMON_DATE.exec(v)).filter((m) => m !== null).map((m) => Number(m[1] ?? m[2]));
	if (years.length < 5 || years.length / values.length < 0.8) return false;
	return Math.max(...years) - Math.min(...years) > 30;
}

function describeShare(count: number, total: number): string {
	return `${count} of ${total} values look like one`;
}

/**
 * Finds the columns of an uploaded table that hold direct identifiers, by header and by a sample of values.
 * Conservative on purpose: a pseudonymous code that looks like a phone or health card number is flagged too.
 */
export function findIdentifierColumns(
	headers: readonly string[],
	sample: readonly (readonly unknown[])[],
	options: IdentifierScanOptions = {}
): IdentifierFinding[] {
	const minShare = options.minShare ?? 0.2;
	const findings: IdentifierFinding[] = [];
	headers.forEach((column, index) => {
		const folded = foldHeader(column);
		const values = nonEmpty(sample.map((row) => row[index]));
		for (const pattern of IDENTIFIER_PATTERNS) {
			if (pattern.names.test(folded)) {
				findings.push({ column, kind: pattern.kind, evidence: `the column is named "${column}"`, reason: pattern.reason });
				return;
			}
		}
		for (const pattern of IDENTIFIER_PATTERNS) {
			if (!pattern.value || values.length === 0) continue;
			const matches = values.filter((v) => pattern.value!.test(v)).length;
			if (matches > 0 && matches / values.length >= minShare) {
				findings.push({ column, kind: pattern.kind, evidence: describeShare(matches, values.length), reason: pattern.reason });
				return;
			}
		}
		const byContent: [IdentifierKind, (v: string[]) => boolean, string][] = [
			['date_of_birth', looksLikeBirthDates, 'the dates span more than 30 years, as birth dates do'],
			['name', looksLikeNames, 'most values look like personal names'],
			['free_text', looksLikeFreeText, 'many values are sentences of free text']
		];
		for (const [kind, test, evidence] of byContent) {
			if (!test(values)) continue;
			const reason = IDENTIFIER_PATTERNS.find((p) => p.kind === kind)!.reason;
			findings.push({ column, kind, evidence, reason });
			return;
		}
	});
	return findings;
}
