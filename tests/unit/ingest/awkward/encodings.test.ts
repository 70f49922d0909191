import { describe, expect, test } from 'vitest';
import { bytesOf, importFile, lines, rowCounts, wide } from './importFile';

/** A French clinic's export: an accented header and labels with é and a curly apostrophe (’). */
const TEXT = lines(
	[
		'Client,Date,Technique,Condition,Pain before,Pain after,Durée',
		'C1,2026-03-02,Suédois,Névralgie cervicale,6,3,45',
		'C2,2026-03-03,Tissus profonds (à l’épaule),Névralgie cervicale,5,2,60'
	],
	'\r\n'
);

const MAPPING = wide({
	fields: { duration_min: { column: 'Durée' } },
	values: {
		primary_technique: { Suédois: 'swedish', 'Tissus profonds (à l’épaule)': 'deep_tissue' },
		primary_condition: { 'Névralgie cervicale': 'neck_pain' }
	}
});

/** Windows-1252 bytes: Latin-1 for é and à, 0x92 for ’. */
function windows1252(text: string): Uint8Array {
	return Uint8Array.from(text, (ch) => (ch === '’' ? 0x92 : ch.charCodeAt(0)));
}

const utf16le = (text: string) => new Uint8Array(Buffer.from('\ufeff' + text, 'utf16le'));
const utf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(text)]);

describe.each([
	['UTF-8 with a BOM', utf8Bom(TEXT), undefined, 'utf-8'],
	['Windows-1252, detected', windows1252(TEXT), undefined, 'windows-1252'],
	['Windows-1252, chosen', windows1252(TEXT), 'windows-1252' as const, 'windows-1252'],
	['UTF-16 LE with a BOM', utf16le(TEXT), undefined, 'utf-16le']
])('%s', (_, bytes, encoding, used) => {
	test('headers and labels are read exactly and mapped to canonical codes', async () => {
		const { staged, raw, check, counts, sessions } = await importFile('export.csv', bytes, MAPPING, { read: { encoding } });
		expect(staged.encoding).toBe(used);
		// The first header carries no byte order mark, so “Client” is found by its name.
		expect(staged.headers).toEqual(['Client', 'Date', 'Technique', 'Condition', 'Pain before', 'Pain after', 'Durée']);
		expect(raw.map((r) => r.Technique)).toEqual(['Suédois', 'Tissus profonds (à l’épaule)']);
		expect(rowCounts(check)).toEqual({ read: 2, accepted: 2, rejected: 0 });
		expect(check.problems).toEqual([]);
		expect(counts).toEqual({ sessions: 2, measurements: 4, clients: 2, therapists: 0 });
		expect(sessions.map((s) => [s.client_id, s.primary_technique, s.duration_min])).toEqual([
			['C1', 'swedish', 45],
			['C2', 'deep_tissue', 60]
		]);
	});
});

test('Windows-1252 read as UTF-8 by choice: the header stays the header, the bytes show as �, and labels no longer map', async () => {
	const mapping = wide({ values: MAPPING.values });
	const { staged, raw, check } = await importFile('export.csv', windows1252(TEXT), mapping, { read: { encoding: 'utf-8' } });
	expect(staged.encoding).toBe('utf-8');
	expect(staged.headers).toEqual(['Client', 'Date', 'Technique', 'Condition', 'Pain before', 'Pain after', 'Dur\ufffde']);
	expect(staged.unreadable).toEqual([]);
	expect(raw.map((r) => r.Technique)).toEqual(['Su\ufffddois', 'Tissus profonds (\ufffd l\ufffd\ufffdpaule)']);
	expect(rowCounts(check)).toEqual({ read: 2, accepted: 0, rejected: 2 });
	expect(check.problems.map((p) => [p.row, p.column])).toEqual([
		[2, 'Condition'],
		[2, 'Technique'],
		[3, 'Condition'],
		[3, 'Technique']
	]);
});
