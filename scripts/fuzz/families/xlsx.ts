import type { Random } from '../../demo-data/random';
import type { FuzzFamily } from '../fuzzCase';
import { fixture, fixtureNames } from '../fixtures';
import { scramble, truncate } from '../mutate';
import { sheetXml, xlsxWith } from '../storedZip';
import { VISIT_HEADERS, visitRows } from '../visitsTable';

const XLSX = fixtureNames('.xlsx');
const WORKSHEET = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** Workbooks whose XML is garbage, hostile or absurd, in a well-formed zip. */
const HOSTILE_XML: [string, (random: Random) => Uint8Array][] = [
	['sheet XML is not XML', () => xlsxWith('<<<not xml at all &&& ]]>')],
	['sheet XML cut mid-tag', (r) => xlsxWith(sheetXml([VISIT_HEADERS, ...visitRows(r, 10)]).slice(0, 300))],
	['billion laughs entities', () => xlsxWith(`<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>${WORKSHEET.replace('<?xml version="1.0"?>', '')}<sheetData><row r="1"><c t="inlineStr"><is><t>&f;</t></is></c></row></sheetData></worksheet>`)],
	['external entity', () => xlsxWith(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${WORKSHEET.replace('<?xml version="1.0"?>', '')}<sheetData><row r="1"><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>`)],
	['cell at the last column and row', () => xlsxWith(`${WORKSHEET}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Client</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`)],
	['10,000-deep nested elements', () => xlsxWith(`${WORKSHEET}<sheetData>${'<row>'.repeat(10_000)}${'</row>'.repeat(10_000)}</sheetData></worksheet>`)],
	['shared string index out of range', () => xlsxWith(`${WORKSHEET}<sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c><c r="B1" t="s"><v>-1</v></c></row></sheetData></worksheet>`, '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Client</t></si></sst>')],
	['numbers that are not numbers', () => xlsxWith(`${WORKSHEET}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Client</t></is></c><c r="B1" t="inlineStr"><is><t>Pain before</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>C1</t></is></c><c r="B2"><v>1e309</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>C2</t></is></c><c r="B3"><v>NaN</v></c></row><row r="4"><c r="A4" t="d"><v>0000-00-00</v></c><c r="B4" t="b"><v>7</v></c></row></sheetData></worksheet>`)],
	['payloads in every cell', () => xlsxWith(sheetXml([VISIT_HEADERS, ...VISIT_HEADERS.map(() => VISIT_HEADERS.map(() => '<script>alert(1)</script>=HYPERLINK("x")'))]))],
	['no sheets at all', () => xlsxWith('')],
	['raw control characters in cells', () => xlsxWith(sheetXml([VISIT_HEADERS, ['C1\u0001', '2025-01-01\u0000', 'Swedish', 'Neck pain', '5', '3', '\u001b[31m']], { escape: false }))],
	['cells without references', (r) => xlsxWith(sheetXml([VISIT_HEADERS, ...visitRows(r, 5)], { references: false }))],
	['a valid sheet of visits', (r) => xlsxWith(sheetXml([VISIT_HEADERS, ...visitRows(r, 12)]))]
];

/** Excel workbooks broken at the zip level (cut, garbled) or with garbage, hostile or absurd XML inside. */
export const xlsx: FuzzFamily = {
	name: 'xlsx-corrupt',
	about: 'xlsx zips cut short or garbled, sheet XML that is garbage, an entity bomb, external entities, absurd cell references',
	count: { full: 88, subset: 6 },
	make(random, index) {
		const variant = index % 4;
		if (variant === 3) {
			const [label, make] = HOSTILE_XML[Math.floor(index / 4) % HOSTILE_XML.length];
			return { files: [{ name: 'hostile.xlsx', bytes: make(random) }], note: label };
		}
		const path = XLSX[index % XLSX.length];
		const bytes = fixture(path);
		if (variant === 0) return { files: [{ name: path, bytes: truncate(random, bytes) }], note: `${path} cut short` };
		if (variant === 1) return { files: [{ name: path, bytes: scramble(random, bytes, random.integer(1, 40), 4) }], note: `${path} with garbled bytes` };
		return { files: [{ name: path, bytes: scramble(random, bytes, random.integer(1, 6), bytes.length - 200) }], note: `${path} with a garbled central directory` };
	}
};
