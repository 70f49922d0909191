/**
 * What a direct identifier looks like, by column name and by content (docs/privacy.md; PHIPA, Ontario, and IPC Ontario's de-identification guidelines, 2016). Each kind says
 * why it may not be loaded, in words an import report can show.
 */
export type IdentifierKind =
	| 'name'
	| 'email'
	| 'phone'
	| 'health_card'
	| 'postal_code'
	| 'street_address'
	| 'date_of_birth'
	| 'free_text'
	| 'record_number';

export interface IdentifierPattern {
	kind: IdentifierKind;
	/** Why this column cannot be loaded. */
	reason: string;
	/** Column names (lower-cased, separators folded to `_`) that mean this kind. */
	names: RegExp;
	/** A value of this kind, or null where content alone cannot tell. */
	value: RegExp | null;
}

export const IDENTIFIER_PATTERNS: readonly IdentifierPattern[] = [
	{
		kind: 'email',
		reason: 'email addresses identify a person directly',
		names: /(^|_)e?_?mail(_address)?($|_)/,
		value: /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i
	},
	{
		kind: 'health_card',
		reason: 'health card (OHIP) numbers identify a person directly',
		names: /(^|_)(ohip|health_?card|hcn|health_number|phn)($|_)/,
		// Ontario: 10 digits, often written 1234-567-890, with an optional two-letter version code.
		value: /^\d{4}[- ]?\d{3}[- ]?\d{3}([- ]?[a-z]{2})?$/i
	},
	{
		kind: 'phone',
		reason: 'phone numbers identify a person directly',
		names: /(^|_)(phone|tel|telephone|mobile|cell|fax)($|_)/,
		value: /^(\+?1[-. ]?)?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}$/
	},
	{
		kind: 'postal_code',
		reason: 'postal codes narrow a person down to a few homes',
		names: /(^|_)(postal(_code)?|postcode|zip(_code)?|fsa)($|_)/,
		value: /^[abceghj-nprstvxy]\d[abceghj-nprstv-z][ -]?\d[abceghj-nprstv-z]\d$/i
	},
	{
		kind: 'street_address',
		reason: 'street addresses identify a person directly',
		names: /(^|_)(address|street|addr|address_line_?\d?)($|_)/,
		value: /^\d+[a-z]?\s+\S.*\b(st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|cres|crescent|ln|lane|ct|court|way|pl|place|terr?|terrace|hwy|highway)\b\.?/i
	},
	{
		kind: 'date_of_birth',
		reason: 'dates of birth identify a person in combination; use 10-year age bands',
		names: /(^|_)(dob|birth_?date|date_of_birth|birthday|born)($|_)/,
		value: null
	},
	{
		kind: 'name',
		reason: "names identify a person directly; use a random pseudonymous id",
		names: /^(name|surname|forename)$|(^|_)(first|last|given|family|middle|full|client|patient|therapist|contact)_?name($|_)/,
		value: null
	},
	{
		kind: 'free_text',
		reason: 'free-text notes often hold names, places and other details',
		names: /(^|_)(notes?|comments?|remarks?|soap|subjective|objective|narrative|description|memo)($|_)/,
		value: null
	},
	{
		kind: 'record_number',
		reason: 'booking, chart, insurance and registration numbers link back to a person',
		names: /(^|_)(chart_?(no|number|num)|mrn|booking_?(id|ref|number)|insurance(_?(id|no|number))?|policy(_?(no|number))?|member_?id|registration(_?(no|number))?|licen[cs]e(_?(no|number))?|sin)($|_)/,
		value: null
	}
];

/** A header as the patterns expect it: lower case, runs of other characters folded to `_`. */
export function foldHeader(header: string): string {
	return header
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '');
}
