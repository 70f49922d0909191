import { expect, test } from 'vitest';
import type { ImportMapping } from '$lib/ingest/importFields';
import { bytesOf, importFile, lines, problemRows, rowCounts, wide } from './importFile';

const SAME_SESSION = 'duplicate session: the same client, visit date and session number as row ';

test('wide: a session written twice (same client, date and session number) is imported once', async () => {
	const text = lines([
		'Client,Date,Session,Technique,Condition,Pain before,Pain after',
		'C1,2026-03-02,1,swedish,neck_pain,6,3',
		'C1,2026-03-09,2,swedish,neck_pain,5,3',
		'C1,2026-03-02,1,swedish,neck_pain,6,3',
		'C2,2026-03-02,1,swedish,neck_pain,7,4',
		'C1,02/03/2026,1,swedish,neck_pain,4,2'
	]);
	const mapping = wide({ fields: { session_number: { column: 'Session' } } });
	const { check, counts, sessions, measurements } = await importFile('visits.csv', bytesOf(text), mapping);
	expect(check.dateFormat).toBe('DD/MM/YYYY');
	expect(rowCounts(check)).toEqual({ read: 5, accepted: 3, rejected: 2 });
	// Row 6 writes row 2's date another way: the same session all the same.
	expect(problemRows(check)).toEqual([
		[4, '(session)', `${SAME_SESSION}2; a session is imported once`],
		[6, '(session)', `${SAME_SESSION}2; a session is imported once`]
	]);
	expect(check.sessions).toBe(3);
	expect(counts).toEqual({ sessions: 3, measurements: 6, clients: 2, therapists: 0 });
	expect(sessions.map((s) => [s.client_id, s.session_date, s.session_number])).toEqual([
		['C1', '2026-03-02', 1],
		['C1', '2026-03-09', 2],
		['C2', '2026-03-02', 1]
	]);
	// The first row's scores are kept.
	expect(measurements.filter((m) => m.client_id === 'C1' && m.session_date === '2026-03-02').map((m) => m.value)).toEqual([6, 3]);
});

test('wide: with a session id column, the id decides and the message names the column', async () => {
	const text = lines([
		'Visit,Client,Date,Technique,Condition,Pain before,Pain after',
		'V1,C1,2026-03-02,swedish,neck_pain,6,3',
		'V2,C1,2026-03-02,swedish,neck_pain,5,3',
		'V1,C1,2026-03-09,swedish,neck_pain,4,2'
	]);
	const { check, counts } = await importFile('visits.csv', bytesOf(text), wide({ fields: { session_id: { column: 'Visit' } } }));
	expect(rowCounts(check)).toEqual({ read: 3, accepted: 2, rejected: 1 });
	expect(check.problems).toEqual([
		{ row: 4, column: 'Visit', value: 'V1', reason: 'duplicate session: the same Visit as row 2; a session is imported once' }
	]);
	expect(counts.sessions).toBe(2);
});

const LONG: ImportMapping = {
	layout: 'long',
	fields: {
		client_id: { column: 'Client' },
		session_date: { column: 'Date' },
		session_number: { column: 'Session' },
		primary_technique: { column: 'Technique' },
		primary_condition: { column: 'Condition' },
		instrument: { column: 'Measure' },
		timepoint: { column: 'When' },
		value: { column: 'Score' }
	},
	values: {},
	dateFormat: 'auto',
	decimalMark: 'auto'
};

const LONG_HEADER = 'Client,Date,Session,Technique,Condition,Measure,When,Score';

test('long: a row of a session that disagrees on the technique is reported against the first row', async () => {
	const text = lines([
		LONG_HEADER,
		'C1,2026-03-02,1,swedish,neck_pain,pain_nrs,pre,6',
		'C1,2026-03-02,1,swedish,neck_pain,pain_nrs,post,3',
		'C1,2026-03-02,1,deep_tissue,neck_pain,stress_nrs,pre,5',
		'C1,2026-03-02,1,swedish,neck_pain,stress_nrs,post,2'
	]);
	const { check, counts, sessions, measurements } = await importFile('long.csv', bytesOf(text), LONG);
	expect(rowCounts(check)).toEqual({ read: 4, accepted: 3, rejected: 1 });
	expect(check.problems).toEqual([
		{
			row: 4,
			column: '(session)',
			value: expect.any(String),
			reason: 'does not agree with row 2 of the same session on Technique; correct one of them'
		}
	]);
	expect(counts).toEqual({ sessions: 1, measurements: 3, clients: 1, therapists: 0 });
	expect(sessions.map((s) => s.primary_technique)).toEqual(['swedish']);
	expect(measurements.map((m) => [m.instrument, m.timepoint, m.value])).toEqual([
		['pain_nrs', 'pre', 6],
		['pain_nrs', 'post', 3],
		['stress_nrs', 'post', 2]
	]);
});

test('long: the same score given twice for a session is reported; the first is kept', async () => {
	const text = lines([
		LONG_HEADER,
		'C1,2026-03-02,1,swedish,neck_pain,pain_nrs,pre,6',
		'C1,2026-03-02,1,swedish,neck_pain,pain_nrs,post,3',
		'C1,2026-03-02,1,swedish,neck_pain,pain_nrs,pre,7',
		'C1,2026-03-09,2,swedish,neck_pain,pain_nrs,pre,6',
		'C1,2026-03-09,2,swedish,neck_pain,pain_nrs,pre,6'
	]);
	const { check, counts, measurements } = await importFile('long.csv', bytesOf(text), LONG);
	expect(rowCounts(check)).toEqual({ read: 5, accepted: 3, rejected: 2 });
	expect(problemRows(check)).toEqual([
		[4, 'Score', 'duplicate score: the same instrument and timepoint as row 2 of the same session'],
		[6, 'Score', 'duplicate score: the same instrument and timepoint as row 5 of the same session']
	]);
	expect(check.problems.map((p) => p.value)).toEqual(['7', '6']);
	expect(counts).toEqual({ sessions: 2, measurements: 3, clients: 1, therapists: 0 });
	expect(measurements.map((m) => [m.session_date, m.timepoint, m.value])).toEqual([
		['2026-03-02', 'pre', 6],
		['2026-03-02', 'post', 3],
		['2026-03-09', 'pre', 6]
	]);
});
