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
		[3, 'Client', 'Client ID looks like a health card number: health card (OHIP) numbers identify a person directly; turn on “Replace client IDs with pseudonyms”'],
		[4, 'Client', 'Client ID looks like a phone number: phone numbers identify a person directly; turn on “Replace client IDs with pseudonyms”'],
		[5, 'Client', 'Client ID looks like a postal code: postal codes narrow a person down to a few homes; turn on “Replace client IDs with pseudonyms”']
	]);
});

test('one column cannot feed two scores: a before value must not also become the after value', async () => {
	const text = lines([HEADER, 'C1,2026-03-02,swedish,neck_pain,5,3']);
	await expect(importFile('visits.csv', bytesOf(text), wide({ fields: { pain_nrs_post: { column: 'Pain before' } } }))).rejects.toThrow(
		'“Pain before” is mapped to both Pain (0-10), before the session and Pain (0-10), after the session.'
	);
});

test('pseudonyms replace client ids, the same for the same dataset salt, different for another, and the key maps them back', async () => {
	const text = lines([HEADER, '1234-567-890,2026-03-02,swedish,neck_pain,5,3', 'C1,2026-03-09,swedish,neck_pain,4,2', 'C1,2026-03-16,swedish,neck_pain,3,2']);
	const options = { import: { pseudonymiseClients: true, dates: 'exact' as const, droppedColumns: [] } };
	const first = await importFile('visits.csv', bytesOf(text), wide({}), options);
	expect(first.check.rowsRejected).toBe(0);
	const key = first.check.pseudonymKey!;
	expect([...key.keys()]).toEqual(['1234-567-890', 'C1']);
	for (const pseudonym of key.values()) expect(pseudonym).toMatch(/^P[A-Za-z0-9_-]{11}$/);
	expect(first.clients.map((c) => c.client_id).sort()).toEqual([...key.values()].sort());
	expect(first.sessions.filter((s) => s.client_id === key.get('C1')).map((s) => s.session_number)).toEqual([1, 2]);
	const again = await importFile('visits.csv', bytesOf(text), wide({}), options);
	expect(again.check.pseudonymKey).toEqual(key);
	const otherSalt = await importFile('visits.csv', bytesOf(text), wide({}), { ...options, salt: 'another dataset' });
	expect(otherSalt.check.pseudonymKey!.get('C1')).not.toBe(key.get('C1'));
});
