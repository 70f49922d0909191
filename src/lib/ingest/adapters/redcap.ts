import { ImportFileError } from '../importFileError';
import type { TextTable } from '../textTable';
import { pseudonymousKey } from './pseudonymousKey';
import { checkboxColumn, readRedcapDictionary, type RedcapField } from './redcapDictionary';

export { isRedcapDictionary } from './redcapDictionary';

/** The column an adapted REDCap table adds: "<record>-<event>-<instance>", made a pseudonymous id. */
export const SESSION_KEY = 'session_key';

const EVENT = 'redcap_event_name';
const REPEAT_INSTRUMENT = 'redcap_repeat_instrument';
const REPEAT_INSTANCE = 'redcap_repeat_instance';
const ACCESS_GROUP = 'redcap_data_access_group';
const SURVEY_IDENTIFIER = 'redcap_survey_identifier';

export const IDENTIFIER_REASON = 'marked as an identifier in the REDCap data dictionary';

const SPECIAL_LABELS: Record<string, string> = {
	[SESSION_KEY]: 'Session (record, event and instance)',
	[EVENT]: 'Event',
	[REPEAT_INSTANCE]: 'Repeat instance (session number)',
	[ACCESS_GROUP]: 'Data access group'
};

/** What one column of a records export holds. */
type Column =
	| { kind: 'special'; name: string }
	| { kind: 'field'; field: RedcapField }
	| { kind: 'checkbox'; field: RedcapField; code: string }
	| { kind: 'status'; name: string }
	| { kind: 'survey'; name: string };

type Cells = (string | null)[];

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

function classify(headers: string[], fields: RedcapField[]): { columns: (Column | null)[]; unknown: string[] } {
	const byName = new Map(fields.filter((f) => f.type !== 'checkbox').map((f) => [f.name, f]));
	const checkboxes = new Map<string, { field: RedcapField; code: string }>();
	for (const field of fields.filter((f) => f.type === 'checkbox')) {
		for (const code of field.choices.keys()) checkboxes.set(checkboxColumn(field.name, code), { field, code });
	}
	const forms = new Set(fields.map((f) => f.form));
	const unknown: string[] = [];
	const columns = headers.map((name): Column | null => {
		if ([EVENT, REPEAT_INSTRUMENT, REPEAT_INSTANCE, ACCESS_GROUP].includes(name)) return { kind: 'special', name };
		const field = byName.get(name);
		if (field) return { kind: 'field', field };
		const box = checkboxes.get(name);
		if (box) return { kind: 'checkbox', ...box };
		if (name.endsWith('_complete') && forms.has(name.slice(0, -'_complete'.length))) return { kind: 'status', name };
		if (name === SURVEY_IDENTIFIER || (name.endsWith('_timestamp') && forms.has(name.slice(0, -'_timestamp'.length)))) {
			return { kind: 'survey', name };
		}
		unknown.push(name);
		return null;
	});
	return { columns, unknown };
}

/** A field's raw code as its label; a value that is already a label (a "labels" export) or unknown stays as written. */
function labelOf(field: RedcapField, value: string, unknownCodes: Map<string, number>): string {
	const label = field.choices.get(value);
	if (label !== undefined) return label;
	if (![...field.choices.values()].includes(value)) unknownCodes.set(field.name, (unknownCodes.get(field.name) ?? 0) + 1);
	return value;
}

/**
 * Turns a REDCap records export (raw codes, as "CSV / Microsoft Excel (raw data)" or the API writes it) and the
 * project's data dictionary into one row per session:
 * - a repeating instrument (or repeating event): one row per record, event and instance of it; when several
 *   instruments repeat, the one with the most rows is the session;
 * - otherwise, with events: one row per record and event that has data in a "visit" form (a form with data in two
 *   or more events); without events, one row per record.
 * Fields of the record's other rows (an intake form's age band, sex, condition) are carried onto each of its
 * sessions. Choice codes become their labels, checkbox columns `var___code` one column `var` of the checked
 * labels joined by ";". A `session_key` column "<record>-<event>-<instance>" is added as the session's
 * pseudonymous id. Fields marked "Identifier?" are kept and flagged, so the import's guard can refuse them.
 */
export function adaptRedcap(records: TextTable, dictionary: TextTable): TextTable {
	const fields = readRedcapDictionary(dictionary);
	if (!fields || fields.length === 0) {
		throw new ImportFileError(
			dictionary.source,
			'this is not a REDCap data dictionary (it needs the columns "Variable / Field Name", "Form Name", "Field Type", "Field Label" and "Choices, Calculations, OR Slider Labels"). Download it from the project\'s Data Dictionary page and upload it with the records export.'
		);
	}
	const headers = records.headers.map((h) => h.replace(/^\uFEFF/, '').trim());
	const recordField = fields[0];
	const recordAt = headers.indexOf(recordField.name);
	if (recordAt < 0) {
		throw new ImportFileError(
			records.source,
			`there is no "${recordField.name}" column, the record id of the data dictionary ${dictionary.source}. Export the records of the same REDCap project, with raw variable names as headers.`
		);
	}
	const { columns, unknown } = classify(headers, fields);
	if (unknown.length > 0) {
		throw new ImportFileError(
			records.source,
			`${plural(unknown.length, 'column is', 'columns are')} not in the data dictionary ${dictionary.source}: ${unknown.join(', ')}. Export the records with raw variable names as headers, and the data dictionary of the same REDCap project, then upload both again.`
		);
	}

	const at = (name: string) => headers.indexOf(name);
	const eventAt = at(EVENT);
	const instrumentAt = at(REPEAT_INSTRUMENT);
	const instanceAt = at(REPEAT_INSTANCE);
	const rows: Cells[] = records.rows.map((row) => headers.map((_, i) => (row[i] ?? '').trim() || null));
	const formOf = (c: Column | null) => (c?.kind === 'field' || c?.kind === 'checkbox' ? c.field.form : null);
	const hasData = (row: Cells, i: number) => {
		const c = columns[i];
		return row[i] !== null && !(c?.kind === 'checkbox' && /^(0|unchecked)$/i.test(row[i]!));
	};
	const notes: string[] = [];

	// Which rows are sessions, and which instrument or forms make them so.
	let isSession: (row: Cells) => boolean;
	let otherRepeats = new Set<string>();
	let sessionWords: string;
	const repeating = instanceAt >= 0 && rows.some((r) => r[instanceAt] !== null);
	if (repeating) {
		const counts = new Map<string, number>();
		for (const r of rows) if (r[instanceAt] !== null && instrumentAt >= 0 && r[instrumentAt]) counts.set(r[instrumentAt]!, (counts.get(r[instrumentAt]!) ?? 0) + 1);
		const [instrument] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null];
		otherRepeats = new Set([...counts.keys()].filter((k) => k !== instrument));
		isSession = (r) => r[instanceAt] !== null && (instrumentAt < 0 || r[instrumentAt] === null || r[instrumentAt] === instrument);
		sessionWords = instrument ? `instance of the repeating instrument "${instrument}"` : 'instance of a repeating event';
	} else if (eventAt >= 0) {
		const eventsByForm = new Map<string, Set<string>>();
		for (const r of rows) {
			columns.forEach((c, i) => {
				const form = formOf(c);
				if (form && i !== recordAt && hasData(r, i)) eventsByForm.set(form, (eventsByForm.get(form) ?? new Set()).add(r[eventAt] ?? ''));
			});
		}
		const visitForms = [...eventsByForm].filter(([, events]) => events.size >= 2).map(([form]) => form);
		isSession = visitForms.length === 0 ? () => true : (r) => columns.some((c, i) => i !== recordAt && visitForms.includes(formOf(c) ?? '') && hasData(r, i));
		sessionWords = visitForms.length === 0 ? 'record and event' : `record and event with data in ${visitForms.map((f) => `"${f}"`).join(', ')}`;
	} else {
		isSession = () => true;
		sessionWords = 'record';
	}

	// Record-level values: the first non-blank value of each column in the record's rows that are not sessions.
	const context = new Map<string, Cells>();
	for (const r of rows) {
		if (isSession(r) || (instrumentAt >= 0 && otherRepeats.has(r[instrumentAt] ?? ''))) continue;
		const id = r[recordAt] ?? '';
		const known = context.get(id) ?? headers.map(() => null);
		r.forEach((v, i) => {
			if (known[i] === null && v !== null) known[i] = v;
		});
		context.set(id, known);
	}

	// Output columns: the session key, the special columns kept, then the fields in the export's order.
	type Out = { header: string; value: (own: Cells, carried: Cells | undefined) => string | null };
	const out: Out[] = [];
	const unknownCodes = new Map<string, number>();
	const joined: string[] = [];
	const dropped = { status: [] as string[], survey: [] as string[] };
	const ownOrCarried = (i: number) => (own: Cells, carried: Cells | undefined) => own[i] ?? carried?.[i] ?? null;
	columns.forEach((c, i) => {
		if (!c) return;
		if (c.kind === 'status') dropped.status.push(c.name);
		else if (c.kind === 'survey') dropped.survey.push(c.name);
		else if (c.kind === 'special') {
			if (c.name === REPEAT_INSTRUMENT || (c.name === REPEAT_INSTANCE && !repeating)) return;
			out.push({ header: c.name, value: c.name === ACCESS_GROUP ? ownOrCarried(i) : (own) => own[i] });
		} else if (c.kind === 'field') {
			const read = ownOrCarried(i);
			const hasChoices = c.field.choices.size > 0;
			out.push({
				header: c.field.name,
				value: (own, carried) => {
					const v = read(own, carried);
					return v !== null && hasChoices ? labelOf(c.field, v, unknownCodes) : v;
				}
			});
		} else if (c.kind === 'checkbox' && !out.some((o) => o.header === c.field.name)) {
			const field = c.field;
			const parts = [...field.choices.keys()].map((code) => ({ code, index: headers.indexOf(checkboxColumn(field.name, code)) })).filter((p) => p.index >= 0);
			joined.push(field.name);
			const checked = (cells: Cells | undefined): string | null => {
				if (!cells || parts.every((p) => cells[p.index] === null)) return null;
				const labels = parts.filter((p) => /^(1|checked)$/i.test(cells[p.index] ?? '')).map((p) => field.choices.get(p.code)!.replaceAll(';', ','));
				return labels.length > 0 ? labels.join(';') : null;
			};
			out.push({ header: field.name, value: (own, carried) => checked(own) ?? checked(carried) });
		}
	});

	const sessionRows = rows.filter(isSession);
	const keyParts = [recordAt, eventAt, repeating ? instanceAt : -1].filter((i) => i >= 0);
	const outRows = sessionRows.map((r) => {
		const carried = context.get(r[recordAt] ?? '');
		const key = pseudonymousKey(keyParts.map((i) => r[i] ?? '').filter((p) => p !== '').join('-'));
		return [key, ...out.map((o) => o.value(r, carried))];
	});

	const recordIds = new Set(rows.map((r) => r[recordAt]));
	const sessionRecords = new Set(sessionRows.map((r) => r[recordAt]));
	notes.push(`${plural(sessionRows.length, 'session')} from ${plural(sessionRecords.size, 'record')}: one row per ${sessionWords}; the record's other fields are carried onto each of its sessions`);
	const without = [...recordIds].filter((id) => !sessionRecords.has(id));
	if (without.length > 0) notes.push(`${plural(without.length, 'record')} with no session left out: ${without.join(', ')}`);
	if (otherRepeats.size > 0) {
		const n = rows.filter((r) => otherRepeats.has(r[instrumentAt] ?? '')).length;
		notes.push(`${plural(n, 'row')} of other repeating instruments left out: ${[...otherRepeats].join(', ')}`);
	}
	if (joined.length > 0) notes.push(`${plural(joined.length, 'checkbox field')} joined into one column each, the checked options separated by ";": ${joined.join(', ')}`);
	if (dropped.status.length > 0) notes.push(`${plural(dropped.status.length, 'form-status column')} dropped: ${dropped.status.join(', ')}`);
	if (dropped.survey.length > 0) notes.push(`${plural(dropped.survey.length, 'survey column')} dropped: ${dropped.survey.join(', ')}`);
	for (const [name, n] of unknownCodes) notes.push(`${plural(n, 'value')} of ${name} not among its choices in the data dictionary: kept as written`);

	const outHeaders = [SESSION_KEY, ...out.map((o) => o.header)];
	const byName = new Map(fields.map((f) => [f.name, f]));
	const headerLabels: Record<string, string> = {};
	const flaggedIdentifiers: Record<string, string> = {};
	for (const h of outHeaders) {
		const field = byName.get(h);
		const label = SPECIAL_LABELS[h] ?? field?.label;
		if (label) headerLabels[h] = label;
		if (field?.identifier) flaggedIdentifiers[h] = IDENTIFIER_REASON;
	}
	return { source: records.source, headers: outHeaders, rows: outRows, headerLabels, preset: 'REDCap', flaggedIdentifiers, notes };
}
