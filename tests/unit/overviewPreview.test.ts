import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_K } from '$lib/disclosure';
import { loadOverview } from '$lib/overview/overview';
import { choiceKey, firstOverviewChoice } from '$lib/overview/overviewChoice';
import { decodePreview, encodePreview, PREVIEW_VERSION, rememberedPreview } from '$lib/overview/overviewPreview';
import { queryFilterOptions } from '$lib/queries';
import { demoPreview } from '../../scripts/demo-data/demoPreviewOf';
import { openDemoDatabase } from '../support/demoDataset';

const SHIPPED = 'src/lib/overview/demoPreview.json';

describe('the overview preview shipped for the demo data', () => {
	test('is what the app computes from the demo data now (else run `npm run demo-preview`)', async () => {
		expect(JSON.parse(readFileSync(SHIPPED, 'utf8')), `${SHIPPED} is out of date: run npm run demo-preview`).toEqual(JSON.parse(await demoPreview()));
	}, 60_000);

	test('reads back as the overview, options and dataset the page computes for its first view', async () => {
		const db = await openDemoDatabase();
		const choice = firstOverviewChoice(DEFAULT_K);
		const preview = rememberedPreview('demo', choiceKey(choice));
		expect(preview).not.toBeNull();
		expect(preview!.overview).toEqual(await loadOverview(db, choice.filter, choice.timepoint, choice.k, choice.picks));
		expect(preview!.options).toEqual(await queryFilterOptions(db));
		expect(preview!.dataset).toMatchObject({ id: 'demo', sessions: 15366, clients: 1900 });
		// Its known figures: 15,366 sessions, 1,900 clients; four trends, each with its measure's definition.
		expect(preview!.overview.kpis).toMatchObject({ sessions: 15366, clients: 1900 });
		expect(preview!.overview.trends.map((t) => t.measure.title)).toEqual(['Pain (0-10) by technique', 'Stress (0-10) by technique', 'Sleep quality (0-10) by technique', 'Range of motion (% of normal) by technique']);
	}, 60_000);

	test('is used for its own choice only: another k, filter or timepoint, or another dataset, gets none', () => {
		const first = firstOverviewChoice(DEFAULT_K);
		expect(rememberedPreview('demo', choiceKey({ ...first, k: 5 }))).toBeNull();
		expect(rememberedPreview('demo', choiceKey({ ...first, timepoint: 'post' }))).toBeNull();
		expect(rememberedPreview('demo', choiceKey({ ...first, filter: { ...first.filter, conditions: ['neck_pain'] } }))).toBeNull();
		expect(rememberedPreview('another-dataset', choiceKey(first))).toBeNull();
	});
});

describe('a kept preview', () => {
	test('never holds the dataset’s key salt, and one of another version is ignored', () => {
		const preview = rememberedPreview('demo', choiceKey(firstOverviewChoice(DEFAULT_K)))!;
		const text = encodePreview({ ...preview, dataset: { ...preview.dataset, id: 'x', keySalt: 'secret-salt' } as never });
		expect(text).not.toContain('secret-salt');
		expect(decodePreview(text)?.dataset).not.toHaveProperty('keySalt');
		expect(decodePreview(text.replace(`"version":${PREVIEW_VERSION}`, `"version":${PREVIEW_VERSION + 1}`))).toBeNull();
	});

	test('naming a measure this app does not have is ignored', () => {
		const text = readFileSync(SHIPPED, 'utf8').replace('"measure":"pain"', '"measure":"mood"');
		expect(decodePreview(text)).toBeNull();
	});
});
