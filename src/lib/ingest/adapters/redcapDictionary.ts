import type { TextTable } from '../textTable';

/** One field of a REDCap data dictionary, as far as an export of its records needs it. */
export interface RedcapField {
	name: string;
	form: string;
	/** text, notes, radio, dropdown, checkbox, yesno, truefalse, calc, slider, file, descriptive, sql... */
	type: string;
	/** The field label with its HTML tags removed. */
	label: string;
	/** Raw code → label, for radio, dropdown, checkbox, yesno and truefalse fields. */
	choices: Map<string, string>;
	/** "Identifier?" is y. */
	identifier: boolean;
}

/**
 * The dictionary's columns a reader needs, by the headers REDCap's "Data Dictionary" download writes and by the
 * ones its API metadata export writes.
 */
const COLUMNS = {
	name: ['variable / field name', 'field_name'],
	form: ['form name', 'form_name'],
	type: ['field type', 'field_type'],
	label: ['field label', 'field_label'],
	choices: ['choices, calculations, or slider labels', 'select_choices_or_calculations'],
	identifier: ['identifier?', 'identifier']
} as const;

/** A header as written, without a byte-order mark, surrounding blanks and case. */
export function plainHeader(header: string): string {
	return header.replace(/^\uFEFF/, '').trim().toLowerCase();
}

function columnIndexes(headers: readonly string[]): Record<keyof typeof COLUMNS, number> | null {
	const plain = headers.map(plainHeader);
	const found = {} as Record<keyof typeof COLUMNS, number>;
	for (const [key, names] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][]) {
		const index = plain.findIndex((h) => names.includes(h));
		if (index < 0) return null;
		found[key] = index;
	}
	return found;
}

/** Whether a table is a REDCap data dictionary: it has "Variable / Field Name", "Form Name", "Field Type" and the rest. */
export function isRedcapDictionary(table: Pick<TextTable, 'headers'>): boolean {
	return columnIndexes(table.headers) !== null;
}

/** A field label as text: HTML tags removed, entities for &, <, >, quotes and spaces read, blanks folded. */
export function plainLabel(label: string): string {
	return label
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Choices written as "1, Swedish | 2, Deep tissue": the code runs to the first comma, the label is the rest. */
export function parseChoices(text: string): Map<string, string> {
	const choices = new Map<string, string>();
	for (const part of text.split('|')) {
		const comma = part.indexOf(',');
		if (comma < 0) continue;
		const code = part.slice(0, comma).trim();
		if (code !== '') choices.set(code, plainLabel(part.slice(comma + 1)));
	}
	return choices;
}

const FIXED_CHOICES: Record<string, [string, string][]> = {
	yesno: [['1', 'Yes'], ['0', 'No']],
	truefalse: [['1', 'True'], ['0', 'False']]
};

/** The fields of a REDCap data dictionary, in its order; null when the table is not one. */
export function readRedcapDictionary(table: TextTable): RedcapField[] | null {
	const at = columnIndexes(table.headers);
	if (!at) return null;
	const fields: RedcapField[] = [];
	for (const row of table.rows) {
		const name = row[at.name]?.trim();
		if (!name) continue;
		const type = (row[at.type] ?? '').trim().toLowerCase();
		const fixed = FIXED_CHOICES[type];
		fields.push({
			name,
			form: (row[at.form] ?? '').trim(),
			type,
			label: plainLabel(row[at.label] ?? ''),
			choices: fixed ? new Map(fixed) : ['radio', 'dropdown', 'checkbox'].includes(type) ? parseChoices(row[at.choices] ?? '') : new Map(),
			identifier: (row[at.identifier] ?? '').trim().toLowerCase() === 'y'
		});
	}
	return fields;
}

/** The column REDCap exports for one option of a checkbox field: `var___code`, the code lower-cased and every other character than a-z, 0-9 written as `_`. */
export function checkboxColumn(field: string, code: string): string {
	return `${field}___${code.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}
