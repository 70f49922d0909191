import { expect, test } from 'vitest';
import { bytesOf, importFile, lines, problemRows, wide } from './importFile';

const HEADER = 'Client,Date,Technique,Condition,Pain before,Pain after';

/**
 * A column with many different values that read as something else, or are refused, is checked through a joined
 * table rather than inline; both ways must give every row its own value and every refused row its own problem.
 */
test('forty different day-first dates are all read, and forty bad dates and forty bad ids are each reported on their own row', async () => {
	const good = Array.from({ length: 40 }, (_, i) => `C${i},${String(1 + (i % 28)).padStart(2, '0')}/${i < 28 ? '03' : '04'}/2026,DT,neck_pain,6,${i % 5}`);
	const badDates = Array.from({ length: 40 }, (_, i) => `D${i},2026-13-${String(1 + (i % 28)).padStart(2, '0')}x${i},swedish,neck_pain,5,3`);
	const badIds = Array.from({ length: 40 }, (_, i) => `person${i}@example.com,2026-03-02,swedish,neck_pain,5,3`);
	const text = lines([HEADER, ...good, ...badDates, ...badIds]);
	const { check, sessions, measurements } = await importFile(
		'visits.csv',
		bytesOf(text),
		wide({ dateFormat: 'DD/MM/YYYY', values: { primary_technique: { DT: 'deep_tissue' } } })
	);
	expect([check.rowsRead, check.rowsAccepted, check.rowsRejected]).toEqual([120, 40, 80]);
	expect(check.problemCount).toBe(80);
	expect(problemRows(check).slice(0, 1)).toEqual([[42, 'Date', expect.stringMatching(/date/i)]]);
	expect(check.problems.filter((p) => p.column === 'Date').map((p) => p.row)).toEqual(Array.from({ length: 40 }, (_, i) => 42 + i));
	expect(check.problems.filter((p) => p.column === 'Client').map((p) => [p.row, p.value])).toEqual(
		Array.from({ length: 40 }, (_, i) => [82 + i, `person${i}@example.com`])
	);
	expect(sessions).toHaveLength(40);
	expect(sessions.every((s) => s.primary_technique === 'deep_tissue')).toBe(true);
	const c30 = sessions.find((s) => s.client_id === 'C30');
	expect(c30?.session_date).toBe('2026-04-03');
	expect(measurements.filter((m) => m.client_id === 'C33' && m.timepoint === 'post').map((m) => m.value)).toEqual([3]);
});
