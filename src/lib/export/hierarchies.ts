import { CONDITIONS } from '$lib/domain/conditions';
import { AGE_BANDS, SEXES } from '$lib/schema';
import { CONDITION_GROUPS, conditionGroup } from '$lib/domain/conditionGroups';

/** The value every quasi-identifier is recoded to at the top of its hierarchy. */
export const ALL = 'all';

/**
 * A generalization hierarchy of one quasi-identifier (Sweeney 2002; ARX's hierarchies): level 0 is the value as
 * stored, the last level is `all`. A missing value (null) stays missing below the top level.
 */
export interface Hierarchy {
	/** The export column the quasi-identifier is written to. */
	column: string;
	/** Each level in words, from the value as stored to `all`, for the page and the README. */
	levels: readonly string[];
	/** The value at a level. */
	generalize(value: string | null, level: number): string | null;
	/** How many values as stored the recoded value covers (for the loss metric). */
	leaves(value: string | null, level: number): number;
	/** How many values the quasi-identifier can take as stored. */
	domain: number;
}

/** A hierarchy from a fixed list of values and a function from a value to its middle-level value. */
function listHierarchy(column: string, values: readonly string[], levels: readonly string[], middle?: (value: string) => string): Hierarchy {
	const top = levels.length - 1;
	const covered = new Map<string, number>();
	if (middle) for (const v of values) covered.set(middle(v), (covered.get(middle(v)) ?? 0) + 1);
	return {
		column,
		levels,
		domain: values.length,
		generalize: (value, level) => (level >= top ? ALL : value === null || level === 0 ? value : middle!(value)),
		leaves: (value, level) => (level >= top ? values.length : value === null || level === 0 ? 1 : (covered.get(middle!(value)) ?? 1))
	};
}

/**
 * The stored 10-year bands paired into 20-year bands from the youngest: 18-29 and 30-39 make 18-39, 40-49 and
 * 50-59 make 40-59; a band left over at the top (80+) joins the last pair, so the top-coded band stays the last
 * (60-69, 70-79 and 80+ make 60+).
 */
export const TWENTY_YEAR_BANDS: ReadonlyMap<string, string> = (() => {
	const pairs: string[][] = [];
	for (let i = 0; i < AGE_BANDS.length; i += 2) pairs.push(AGE_BANDS.slice(i, i + 2));
	if (pairs.length > 1 && pairs.at(-1)!.length === 1) pairs.splice(-2, 2, [...pairs.at(-2)!, ...pairs.at(-1)!]);
	const lower = (band: string) => band.split(/[-+]/)[0];
	const name = (bands: string[]) => {
		const last = bands.at(-1)!;
		return last.endsWith('+') ? `${lower(bands[0])}+` : `${lower(bands[0])}-${last.split('-')[1]}`;
	};
	return new Map(pairs.flatMap((bands) => bands.map((band) => [band, name(bands)] as const)));
})();

export const AGE_HIERARCHY = listHierarchy('age_band', AGE_BANDS, ['age in 10-year bands', 'age in 20-year bands', 'no age (all)'], (band) => TWENTY_YEAR_BANDS.get(band) ?? band);
export const SEX_HIERARCHY = listHierarchy('sex', SEXES, ['sex as recorded', 'no sex (all)']);
export const CONDITION_HIERARCHY = listHierarchy('condition', CONDITIONS, ['condition as recorded', 'condition group', 'no condition (all)'], conditionGroup);

export const FIRST_VISIT_LEVELS = ['first-visit quarter', 'first-visit year', 'no first visit (all)'] as const;

const quarterIndex = (quarter: string) => Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1;

/**
 * The first-visit period: quarter → year → all. Its domain is the quarters from the earliest to the latest first
 * visit in the export, so a year at the edge of the data covers only the quarters the data reach.
 */
export function firstVisitHierarchy(quarters: readonly string[]): Hierarchy {
	const indexes = quarters.map(quarterIndex);
	const first = Math.min(...indexes);
	const last = Math.max(...indexes);
	const domain = quarters.length ? last - first + 1 : 1;
	const quartersOfYear = (year: number) => Math.min(last, year * 4 + 3) - Math.max(first, year * 4) + 1;
	return {
		column: 'first_visit',
		levels: FIRST_VISIT_LEVELS,
		domain,
		generalize: (quarter, level) => (level >= 2 ? ALL : quarter === null || level === 0 ? quarter : quarter.slice(0, 4)),
		leaves: (quarter, level) => (level >= 2 ? domain : quarter === null || level === 0 ? 1 : quartersOfYear(Number(quarter.slice(0, 4))))
	};
}

/** What the dictionary lists as the values of each recoded column, at every level. */
export function recodedValuesText(): Record<string, string> {
	const groups = Object.entries(CONDITION_GROUPS).map(([code, g]) => `${code} (${g.label}: ${g.conditions.join(', ')})`);
	const twenty = [...new Set(TWENTY_YEAR_BANDS.values())];
	return {
		age_band: `10-year bands ${AGE_BANDS.join(' | ')}; or 20-year bands ${twenty.join(' | ')}; or ${ALL}; empty if not recorded`,
		sex: `${SEXES.join(' | ')}; or ${ALL}`,
		condition: `condition codes ${CONDITIONS.join(' | ')}; or condition groups ${groups.join('; ')}; or ${ALL}`,
		first_visit: `a quarter YYYY-Qn (e.g. 2025-Q1); or a year YYYY; or ${ALL}`
	};
}
