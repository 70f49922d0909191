/** The encoding a person can choose for an uploaded text file; 'auto' decides from the bytes. */
export type TextEncodingChoice = 'auto' | 'utf-8' | 'windows-1252' | 'utf-16';

/** The encoding a file was read with. */
export type TextEncodingUsed = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
	text: string;
	encoding: TextEncodingUsed;
	/** The file began with a byte order mark (removed from the text). */
	hadBom: boolean;
}

/**
 * Windows-1252 bytes 0x80-0x9F (curly quotes, dashes, €...), as browsers decode "latin1" too. Written out
 * because Node's TextDecoder reads 'windows-1252' as ISO-8859-1; the other bytes are their own code points.
 */
const CP1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];

function decodeWindows1252(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i += 8192) {
		const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b));
		text += String.fromCharCode(...codes);
	}
	return text;
}

function bomOf(bytes: Uint8Array): { encoding: TextEncodingUsed; length: number } | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
	return null;
}

/** UTF-16 without a byte order mark, told by the zero high bytes of ASCII text; little-endian when unsure. */
function utf16Order(bytes: Uint8Array, fallback: 'utf-16le' | null): 'utf-16le' | 'utf-16be' | null {
	const pairs = Math.min(bytes.length, 1024) >> 1;
	if (pairs === 0) return fallback;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < pairs * 2; i += 2) {
		if (bytes[i] === 0) evenZeros++;
		if (bytes[i + 1] === 0) oddZeros++;
	}
	if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
	if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
	return fallback;
}

function isUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

function decodeAs(bytes: Uint8Array, encoding: TextEncodingUsed): string {
	if (encoding === 'windows-1252') return decodeWindows1252(bytes);
	return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/**
 * An uploaded file's bytes as text. A byte order mark always wins (UTF-8, UTF-16 LE or BE) and is removed.
 * 'auto' reads UTF-16 by its zero bytes, then UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the
 * superset of Latin-1 that Excel on Windows writes). Uses TextDecoder only, so it runs in Node and the browser.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingChoice): DecodedText {
	const bom = bomOf(bytes);
	if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, hadBom: true };
	let used: TextEncodingUsed;
	if (encoding === 'utf-16') used = utf16Order(bytes, 'utf-16le')!;
	else if (encoding === 'auto') used = utf16Order(bytes, null) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
	else used = encoding;
	return { text: decodeAs(bytes, used), encoding: used, hadBom: false };
}

/** Text as UTF-8 bytes, without a byte order mark (what DuckDB's CSV reader is given). */
export function encodeUtf8(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}
