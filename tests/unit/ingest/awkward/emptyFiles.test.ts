import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { ImportFileError } from '$lib/ingest/importFileError';
import { bytesOf, importFile, readOnly, rowCounts, WIDE } from './importFile';

describe.each([
	['0 bytes', new Uint8Array()],
	['spaces and line breaks', bytesOf('  \r\n\t\n \n')],
	['a UTF-8 byte order mark only', new Uint8Array([0xef, 0xbb, 0xbf])],
	['a gzipped empty file', new Uint8Array(gzipSync(new Uint8Array()))]
])('a file of %s', (_, bytes) => {
	test('is refused as empty, naming the file', async () => {
		const read = readOnly('visits.csv', bytes);
		await expect(read).rejects.toBeInstanceOf(ImportFileError);
		await expect(read).rejects.toThrow(/^visits\.csv: the file is empty\. Export the data again/);
	});
});

describe.each([
	['with a line break', 'Client,Date,Technique,Condition,Pain before,Pain after\r\n'],
	['without a line break', 'Client,Date,Technique,Condition,Pain before,Pain after'],
	['followed by empty lines', 'Client,Date,Technique,Condition,Pain before,Pain after\n\n\n']
])('a header-only file %s', (_, text) => {
	test('reads 0 rows, checks 0/0/0 and commits nothing', async () => {
		const { staged, raw, check, counts, sessions } = await importFile('visits.csv', bytesOf(text), WIDE);
		expect(staged.headers).toEqual(['Client', 'Date', 'Technique', 'Condition', 'Pain before', 'Pain after']);
		expect(staged.rowsRead).toBe(0);
		expect(staged.notes).toEqual([]);
		expect(raw).toEqual([]);
		expect(rowCounts(check)).toEqual({ read: 0, accepted: 0, rejected: 0 });
		expect(check).toMatchObject({ sessions: 0, measurements: 0, clients: 0, problems: [], problemCount: 0 });
		expect(counts).toEqual({ sessions: 0, measurements: 0, clients: 0, therapists: 0 });
		expect(sessions).toEqual([]);
	});
});
