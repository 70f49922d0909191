import { expect, test } from 'vitest';
import { bytesOf, importFile, lines, problemRows, rowCounts, wide } from './importFile';

/** "Minutes" and "Condition" have a header and no values at all; "Pain after" has blanks written as spaces. */
const TEXT = lines([
	'Client,Date,Technique,Condition,Pain before,Pain after,Minutes',
	'C1,2026-03-02,swedish,,6, ,',
	'C2,2026-03-03,deep_tissue,,7,,',
	'C3,2026-03-04,sports,,5,  ,'
]);

test('a blank column mapped to optional fields stores nulls and rejects nothing', async () => {
	const mapping = wide({ fields: { primary_condition: { constant: 'neck_pain' }, duration_min: { column: 'Minutes' } } });
	const { raw, check, counts, sessions, measurements } = await importFile('blank.csv', bytesOf(TEXT), mapping);
	expect(raw.map((r) => r.Minutes)).toEqual([null, null, null]);
	expect(rowCounts(check)).toEqual({ read: 3, accepted: 3, rejected: 0 });
	expect(check.problems).toEqual([]);
	// Only the before scores: a blank score is no score.
	expect(check.measurements).toBe(3);
	expect(counts).toEqual({ sessions: 3, measurements: 3, clients: 3, therapists: 0 });
	expect(sessions.map((s) => s.duration_min)).toEqual([null, null, null]);
	expect(measurements.map((m) => [m.client_id, m.timepoint, m.value])).toEqual([
		['C1', 'pre', 6],
		['C2', 'pre', 7],
		['C3', 'pre', 5]
	]);
});

test('a blank column mapped to a required field rejects every row, saying why', async () => {
	const { check, counts } = await importFile('blank.csv', bytesOf(TEXT), wide({}));
	expect(rowCounts(check)).toEqual({ read: 3, accepted: 0, rejected: 3 });
	expect(problemRows(check)).toEqual([
		[2, 'Condition', 'Condition is blank; every row needs one'],
		[3, 'Condition', 'Condition is blank; every row needs one'],
		[4, 'Condition', 'Condition is blank; every row needs one']
	]);
	expect(check.problems.map((p) => p.value)).toEqual([null, null, null]);
	expect(counts).toEqual({ sessions: 0, measurements: 0, clients: 0, therapists: 0 });
});
