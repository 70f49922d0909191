import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { loadOverview } from '$lib/overview/overview';
import { emptyChartText, grainNote, statusText, suppressionNote, trendSubtitle } from '$lib/overview/overviewText';
import { NO_FILTER } from '$lib/queries';
import { openDemoDatabase } from '../support/demoDataset';
import { smallDatasetFiles } from '../support/smallDataset';
import { openDatasetDatabase } from '../support/testDatabase';

describe('what the overview says about its figures', () => {
	let small: Connector;
	let demo: Connector;
	beforeAll(async () => {
		[small, demo] = await Promise.all([openDatasetDatabase(smallDatasetFiles()), openDemoDatabase()]);
	});
	afterAll(async () => {
		await small.close();
		await demo.close();
	});

	it('hides a whole chart of 4 clients and says nothing that counts its groups', async () => {
		const overview = await loadOverview(small, NO_FILTER, 'pre', 5);
		const pain = overview.trends[0];
		expect(pain.clients).toBeNull();
		expect(trendSubtitle(overview, pain)).toBe('Monthly mean per client, before the session. Fewer than 5 clients: hidden.');
		expect(suppressionNote(overview, pain)).toBeUndefined();
		expect(emptyChartText(overview, pain)).toBe('Fewer than 5 clients in this selection: hidden to protect privacy.');
		expect(statusText(overview)).toBe('All conditions: fewer than 5 clients, figures hidden.');
	});

	it('says when no session matches, rather than citing privacy', async () => {
		const overview = await loadOverview(small, { ...NO_FILTER, clinics: ['nowhere'] }, 'pre', 5);
		expect(overview.empty).toBe(true);
		expect(emptyChartText(overview, overview.trends[0])).toBe('No sessions match these filters.');
		expect(statusText(overview)).toBe('All conditions: no sessions match these filters.');
	});

	it('states n for the demo data, but not where it would count the few clients without a score', async () => {
		const overview = await loadOverview(demo, NO_FILTER, 'pre', 11);
		const [pain, , sleep, rom] = overview.trends;
		expect(trendSubtitle(overview, pain)).toBe('Monthly mean per client, before the session; heavy line: all techniques · n = 1,900 clients, 15,366 sessions');
		// 1,894 of 1,900 clients have a sleep score: stating it would count the other 6.
		expect(sleep.nWithheld).toBe(true);
		expect(trendSubtitle(overview, sleep)).toBe('Monthly mean per client, before the session; heavy line: all techniques · n: all but fewer than 11 of the 1,900 clients');
		// Range of motion's first month has too few clients: its sessions would follow from the chart's, so those go unsaid.
		expect(trendSubtitle(overview, rom)).toBe('Monthly mean per client, before the session; heavy line: all techniques · n = 869 clients');
		// The three least used techniques are mostly hidden month by month: they are pooled, and say so.
		expect(overview.grain).toEqual({ step: 'month', pooled: ['prenatal', 'remedial_exercise', 'sports'] });
		expect(grainNote(overview.grain)).toBe(
			'3 small techniques (Prenatal, Remedial exercise, Sports) pooled as Other techniques: each alone had too few clients to show most months.'
		);
		expect(suppressionNote(overview, pain)).toBe(
			'17 of 191 month × technique groups had fewer than 11 clients (or would reveal one by subtraction) and are hidden to protect privacy.'
		);
		expect(statusText(overview)).toBe('Showing All conditions: 15,366 sessions, 1,900 clients.');
	});

	it('names a coarser step and the pooled techniques, and says why', () => {
		expect(grainNote({ step: 'month', pooled: [] })).toBeUndefined();
		expect(grainNote({ step: 'quarter', pooled: ['sports', 'swedish'] })).toBe(
			'Quarterly, and 2 small techniques (Sports, Swedish (relaxation)) pooled as Other techniques: months had too few clients to show.'
		);
		expect(grainNote({ step: 'year', pooled: [] })).toBe('Yearly: months and quarters had too few clients to show.');
	});
});
