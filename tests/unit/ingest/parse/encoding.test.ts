import { describe, expect, it } from 'vitest';
import { decodeText, encodeUtf8 } from '$lib/ingest/parse/encoding';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const utf16le = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
const utf16be = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]);

describe('decodeText', () => {
	it('reads UTF-8', () => {
		expect(decodeText(encodeUtf8('client,technique\nC1,Massage suédois’\n'), 'auto')).toEqual({
			text: 'client,technique\nC1,Massage suédois’\n',
			encoding: 'utf-8',
			hadBom: false
		});
	});

	it('strips a UTF-8 byte order mark', () => {
		expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...encodeUtf8('Client #,Sévérité')), 'auto')).toEqual({
			text: 'Client #,Sévérité',
			encoding: 'utf-8',
			hadBom: true
		});
		expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...ascii('a')), 'utf-8')).toEqual({ text: 'a', encoding: 'utf-8', hadBom: true });
	});

	it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
		// "Client’s café – 5€" as Excel on Windows saves it.
		const cp1252 = bytes(...ascii('Client'), 0x92, ...ascii('s caf'), 0xe9, 0x20, 0x96, 0x20, 0x35, 0x80);
		expect(decodeText(cp1252, 'auto')).toEqual({ text: 'Client’s café – 5€', encoding: 'windows-1252', hadBom: false });
		expect(decodeText(bytes(0x92, 0xe9), 'windows-1252')).toEqual({ text: '’é', encoding: 'windows-1252', hadBom: false });
	});

	it('reads Windows-1252 when asked, even when the bytes happen to be valid UTF-8', () => {
		expect(decodeText(bytes(0xc3, 0xa9), 'windows-1252').text).toBe('Ã©');
	});

	it('reads UTF-16 LE and BE by their byte order mark', () => {
		const text = 'Pain Before,Café\r\n7,é';
		expect(decodeText(bytes(0xff, 0xfe, ...utf16le(text)), 'auto')).toEqual({ text, encoding: 'utf-16le', hadBom: true });
		expect(decodeText(bytes(0xfe, 0xff, ...utf16be(text)), 'auto')).toEqual({ text, encoding: 'utf-16be', hadBom: true });
		expect(decodeText(bytes(0xff, 0xfe, ...utf16le(text)), 'utf-16')).toEqual({ text, encoding: 'utf-16le', hadBom: true });
	});

	it('lets a byte order mark win over the encoding chosen', () => {
		expect(decodeText(bytes(0xff, 0xfe, ...utf16le('ab')), 'windows-1252')).toEqual({ text: 'ab', encoding: 'utf-16le', hadBom: true });
		expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa9), 'windows-1252')).toEqual({ text: 'é', encoding: 'utf-8', hadBom: true });
	});

	it('reads UTF-16 without a byte order mark by its zero bytes', () => {
		expect(decodeText(bytes(...utf16le('client,pain')), 'auto')).toEqual({ text: 'client,pain', encoding: 'utf-16le', hadBom: false });
		expect(decodeText(bytes(...utf16be('client,pain')), 'auto')).toEqual({ text: 'client,pain', encoding: 'utf-16be', hadBom: false });
		expect(decodeText(bytes(...utf16be('client,pain')), 'utf-16')).toEqual({ text: 'client,pain', encoding: 'utf-16be', hadBom: false });
	});

	it('reads an empty file as empty UTF-8 text', () => {
		expect(decodeText(bytes(), 'auto')).toEqual({ text: '', encoding: 'utf-8', hadBom: false });
	});
});

describe('encodeUtf8', () => {
	it('writes UTF-8 without a byte order mark', () => {
		expect([...encodeUtf8('é’')]).toEqual([0xc3, 0xa9, 0xe2, 0x80, 0x99]);
	});
});
