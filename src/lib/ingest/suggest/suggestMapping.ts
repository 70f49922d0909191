import { LONG_MEASURE_FIELDS, WIDE_MEASURES, type ImportMapping, type Layout } from '../importFields';
import { readMeasureWords } from './measureWords';
import { headerKey } from './normalise';
import { FIELD_SYNONYMS } from './synonyms';

/** A field a column could feed, and how well it fits. */
interface Candidate {
	column: string;
	field: string;
	score: number;
}

/** Midline movements have no side: a score column without one is read as bilateral. */
const MIDLINE = new Set(['cervical_flexion', 'cervical_extension', 'lumbar_flexion', 'lumbar_extension']);

const WIDE_KEYS = new Set(WIDE_MEASURES.map((m) => m.key));
const LONG_FIELDS = new Set<string>(LONG_MEASURE_FIELDS);

/** The wide score column a header names ("Pain Before" → pain_nrs_pre), or null. */
function wideMeasureKey(key: string): string | null {
	const read = readMeasureWords(key.split(' ').filter((w) => w !== ''));
	if (!read || !read.instrument || !read.timepoint) return null;
	if (read.instrument !== 'rom') return read.side === null ? `${read.instrument}_${read.timepoint}` : null;
	if (!read.rom_movement) return null;
	const side = read.side ?? (MIDLINE.has(read.rom_movement) ? 'bilateral' : null);
	const wide = side && `rom_${read.rom_movement}_${side}_${read.timepoint}`;
	return wide && WIDE_KEYS.has(wide) ? wide : null;
}

/**
 * The fields one column could feed. The header counts more than its label, the text with unit brackets more
 * than with all brackets dropped, and an earlier synonym more than a later one.
 */
function candidates(column: string, label: string | undefined): Candidate[] {
	const texts = [
		[headerKey(column, 'units'), 4000],
		[headerKey(column, 'all'), 3000],
		...(label ? [[headerKey(label, 'units'), 2000], [headerKey(label, 'all'), 1000]] : [])
	] as [string, number][];
	const found: Candidate[] = [];
	for (const [key, weight] of texts) {
		if (key === '') continue;
		for (const [field, synonyms] of Object.entries(FIELD_SYNONYMS)) {
			const at = synonyms.indexOf(key);
			if (at >= 0) found.push({ column, field, score: weight + 100 - at });
		}
		const wide = wideMeasureKey(key);
		if (wide) found.push({ column, field: wide, score: weight + 100 });
	}
	return found;
}

/**
 * A first mapping for an uploaded table, from its headers (and longer labels, such as REDCap's): the long layout
 * when one column names the instrument and another holds the value, else wide. Each field gets at most one
 * column and each column at most one field, the best fits first; a header it does not recognise stays unmapped.
 * Value translations are left to `suggestValueMap`, date format and decimal mark to detection ('auto').
 */
export function suggestMapping(headers: string[], headerLabels: Record<string, string> = {}): ImportMapping {
	// Own labels only: a header named "constructor" or "__proto__" must not find Object's.
	const all = headers.flatMap((h) => candidates(h, Object.hasOwn(headerLabels, h) ? headerLabels[h] : undefined));
	const layout: Layout = all.some((c) => c.field === 'instrument') && all.some((c) => c.field === 'value') ? 'long' : 'wide';
	const fits = all.filter((c) => (layout === 'long' ? !WIDE_KEYS.has(c.field) : !LONG_FIELDS.has(c.field)));
	fits.sort((a, b) => b.score - a.score || headers.indexOf(a.column) - headers.indexOf(b.column));
	const fields: ImportMapping['fields'] = {};
	const usedColumns = new Set<string>();
	for (const { column, field } of fits) {
		if (field in fields || usedColumns.has(column)) continue;
		fields[field] = { column };
		usedColumns.add(column);
	}
	return { layout, fields, values: {}, dateFormat: 'auto', decimalMark: 'auto' };
}
