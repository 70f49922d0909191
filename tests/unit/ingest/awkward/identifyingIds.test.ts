import { expect, test } from 'vitest';
import { bytesOf, importFile, lines, wide } from './importFile';

const HEADER = 'Client,Date,Technique,Condition,Pain before,Pain after';

test('ids that look like health card numbers, phone numbers or postal codes are rejected in every row, not just the sampled ones', async () => {
	const text = lines([
		HEADER,
		'C1,2026-03-02,swedish,neck_pain,5,3',
		'1234-567-890,2026-03-02,swedish,neck_pain,5,3',
		'519-555-1234,2026-03-02,swedish,neck_pain,5,3',
		'N6A-5B9,2026-03-02,swedish,neck_pain,5,3'
	]);
	const { check } = await importFile('visits.csv', bytesOf(text), wide({}));
	expect(check.rowsRejected).toBe(3);
	expect(check.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
		[3, 'Client', 'Client ID looks like a health card number: health card (OHIP) numbers identify a person directly; turn on “Replace client IDs with random pseudonyms”'],
		[4, 'Client', 'Client ID looks like a phone number: phone numbers identify a person directly; turn on “Replace client IDs with random pseudonyms”'],
		[5, 'Client', 'Client ID looks like a postal code: postal codes narrow a person down to a few homes; turn on “Replace client IDs with random pseudonyms”']
	]);
});

test('one column cannot feed two scores: a before value must not also become the after value', async () => {
	const text = lines([HEADER, 'C1,2026-03-02,swedish,neck_pain,5,3']);
	await expect(importFile('visits.csv', bytesOf(text), wide({ fields: { pain_nrs_post: { column: 'Pain before' } } }))).rejects.toThrow(
		'“Pain before” is mapped to both Pain (0-10), before the session and Pain (0-10), after the session.'
	);
});
