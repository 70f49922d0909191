import { HOLDER_K } from '$lib/disclosure';

/** The mark beside a number resting on fewer than k clients, shown to the holder of the data only. */
export const SMALL_GROUP_MARK = '‡';

/** A model computed for the only-me view: every group is in it, the small ones to be flagged. */
export function forHolder(k: number): boolean {
	return k === HOLDER_K;
}

/** A label with the small-group mark when its group rests on fewer than k clients. */
export function flaggedLabel(label: string, small: boolean): string {
	return small ? `${label} ${SMALL_GROUP_MARK}` : label;
}

/**
 * What a chart's note says about the groups on it that rest on fewer than k clients: "3 points rest on fewer than
 * 11 clients: shown to you only (‡)". Nothing when there are none.
 */
export function smallGroupNote(count: number, k: number, [one, many]: readonly [string, string] = ['group', 'groups']): string | undefined {
	if (count === 0) return undefined;
	const what = count === 1 ? `1 ${one} rests` : `${count} ${many} rest`;
	return `${SMALL_GROUP_MARK} ${what} on fewer than ${k} clients: shown to you only, never printed, exported or downloaded.`;
}

/** The privacy sentence at the foot of a page in the only-me view. */
export function onlyMeFootnote(k: number): string {
	return `Only me: groups of fewer than ${k} clients are shown on this screen to you, who hold these records, and flagged ${SMALL_GROUP_MARK}; the report, the exports and chart files still leave them out.`;
}
