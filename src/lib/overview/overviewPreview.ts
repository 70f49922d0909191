import { MEASURES, type Measure } from '$lib/measures';
import type { FilterOptions } from '$lib/queries';
import type { DatasetInfo } from '$lib/storage/datasetInfo';
import { PREVIEW_KEY_PREFIX as KEY_PREFIX } from '$lib/storage/datasetStore';
import type { Overview, OverviewTrend } from './overview';
import demoPreview from './demoPreview.json';

/**
 * The overview's figures for its first view, shown before the database has started and then confirmed by the
 * database's own answer: a first visit paints in the time the page takes to load, not the engine's. For the demo
 * data they are computed when the app is built (`npm run demo-preview`, held equal to the live figures by a test);
 * for a kept dataset they are remembered in this browser from the last time that view was computed, and forgotten
 * when the dataset changes (datasetStore). Only figures the page has shown are kept: the same suppression, nothing more.
 */

/** Raised when what a preview holds changes shape: older previews are then ignored. */
export const PREVIEW_VERSION = 2;

/** What the list and the heading show of a dataset; never its key salt. */
export type PreviewDataset = Omit<DatasetInfo, 'keySalt'>;

export interface OverviewPreview {
	version: number;
	/** The choice (filter, picks, timepoint, k) the overview was computed for, as the page keys its results. */
	choice: string;
	dataset: PreviewDataset;
	options: FilterOptions;
	overview: Overview;
}

/** As JSON: each trend's measure by its key (its definition comes from the app that reads it). */
type StoredTrend = Omit<OverviewTrend, 'measure'> & { measure: Measure['key'] };
type StoredPreview = Omit<OverviewPreview, 'overview'> & { overview: Omit<Overview, 'trends'> & { trends: StoredTrend[] } };

/** A preview as the text it is kept as. */
export function encodePreview(preview: OverviewPreview): string {
	const { keySalt: _secret, ...dataset } = preview.dataset as DatasetInfo;
	const overview = { ...preview.overview, trends: preview.overview.trends.map((t) => ({ ...t, measure: t.measure.key })) };
	return JSON.stringify({ ...preview, dataset, overview } satisfies StoredPreview);
}

/** A kept preview read back; null if it is of another version or names a measure this app does not have. */
export function decodePreview(stored: unknown): OverviewPreview | null {
	const value = (typeof stored === 'string' ? JSON.parse(stored) : stored) as StoredPreview | null;
	if (!value || value.version !== PREVIEW_VERSION) return null;
	const trends = value.overview.trends.map((t) => ({ ...t, measure: MEASURES.find((m) => m.key === t.measure) }));
	if (trends.some((t) => !t.measure)) return null;
	return { ...value, overview: { ...value.overview, trends: trends as OverviewTrend[] } };
}

/** The preview of a dataset's view, if one is known for exactly that choice. */
export function rememberedPreview(datasetId: string, choice: string): OverviewPreview | null {
	try {
		const stored = datasetId === demoPreview.dataset.id ? demoPreview : localStorage.getItem(KEY_PREFIX + datasetId);
		const preview = stored ? decodePreview(stored) : null;
		return preview?.choice === choice && preview.dataset.id === datasetId ? preview : null;
	} catch {
		return null;
	}
}

/** Remembers a kept dataset's computed view (the demo's comes with the app). A full storage only means no preview. */
export function rememberPreview(preview: OverviewPreview): void {
	if (preview.dataset.id === demoPreview.dataset.id) return;
	try {
		localStorage.setItem(KEY_PREFIX + preview.dataset.id, encodePreview(preview));
	} catch {
		// No room: the next visit waits for the database, as without a preview.
	}
}
