import type { Connector } from '$lib/db';
import { checkedK } from '$lib/disclosure';
import { queryClientsOnTrack, onTrackMeasure, type OnTrackFilter } from '$lib/queries/clientsOnTrack';
import type { Measure } from '$lib/measures';
import { judgeClient, referenceClients, type ClientVerdict, type OnTrackStatus } from './judgeClient';

/** What the page shows for one choice: every listed client's verdict, the not-on-track ones first. */
export interface OnTrackAnalysis {
	filter: OnTrackFilter;
	measure: Measure;
	k: number;
	/** Clients an expected score rests on, at least. */
	minClients: number;
	/** The data's last session date (what "seen lately" counts back from), or null in data without dates. */
	lastDate: string | null;
	verdicts: ClientVerdict[];
	counts: Record<OnTrackStatus, number>;
}

const ORDER: readonly OnTrackStatus[] = ['not_on_track', 'too_few', 'on_track', 'too_early', 'no_scores'];

/** The verdicts for a choice: the not-on-track clients first, most behind first; then the others by id. */
export async function loadOnTrackAnalysis(db: Connector, filter: OnTrackFilter, k: number): Promise<OnTrackAnalysis> {
	checkedK(k);
	const measure = onTrackMeasure(filter.measure);
	const { rows, lastDate } = await queryClientsOnTrack(db, filter);
	const verdicts = rows
		.map((row) => judgeClient(row, measure, k))
		.sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || (b.last?.z ?? 0) - (a.last?.z ?? 0) || a.row.clientId.localeCompare(b.row.clientId));
	const counts = Object.fromEntries(ORDER.map((s) => [s, verdicts.filter((v) => v.status === s).length])) as Record<OnTrackStatus, number>;
	return { filter, measure, k, minClients: referenceClients(k), lastDate, verdicts, counts };
}
