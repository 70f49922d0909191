import type { Random } from '../../demo-data/random';
import type { FuzzFamily } from '../fuzzCase';
import { fixture } from '../fixtures';
import { PAYLOADS } from './payloads';
import { utf8 } from '../visitsTable';

const PROJECTS = ['massage_visits', 'massage_outcomes'];
const text = (path: string) => new TextDecoder().decode(fixture(path));

/** Each quoted or plain cell of a CSV line replaced, now and then, by something hostile. */
function poisonCells(random: Random, csv: string, chance: number): string {
	return csv
		.split('\n')
		.map((line, i) => (i === 0 ? line : line.replace(/(^|,)("(?:[^"]|"")*"|[^,]*)/g, (m, lead) => (random.chance(chance) ? `${lead}${JSON.stringify(random.pick(PAYLOADS)).replace(/\\"/g, '""')}` : m))))
		.join('\n');
}

const DAMAGE: [string, (random: Random, dictionary: string, records: string) => [string, string]][] = [
	['payloads in record cells', (r, d, rec) => [d, poisonCells(r, rec, 0.3)]],
	['payloads in the dictionary', (r, d, rec) => [poisonCells(r, d, 0.3), rec]],
	['choices that do not parse', (_r, d, rec) => [d.replace(/"(\d+, [^"]*)"/g, '"1, | ,2,, | 3 | =cmd, <b>x</b>"'), rec]],
	['a checkbox with 10,000 choices', (_r, d, rec) => [d.replace(/checkbox,("[^"]*"),("[^"]*")/, `checkbox,$1,"${Array.from({ length: 10_000 }, (_, i) => `${i}, c${i}`).join(' | ')}"`), rec]],
	['records with fields the dictionary lacks', (_r, d, rec) => [d, rec.replace(/^([^\n]*)/, '$1,"; DROP TABLE x; --",__proto__').replace(/\n/g, ',1,2\n')]],
	['field names that are SQL and quotes', (_r, d, rec) => [d.replaceAll('study_id', '"Select ""from"""'), rec.replaceAll('study_id', '"Select ""from"""')]],
	['the dictionary twice, no records', (_r, d) => [d, d]],
	['records twice, no dictionary', (_r, _d, rec) => [rec, rec]],
	['a dictionary with an unclosed quote', (_r, d, rec) => [d.replace('"Study ID"', '"Study ID'), rec]]
];

/** REDCap records with their data dictionary, one or both hostile. */
export const redcap: FuzzFamily = {
	name: 'redcap-hostile',
	about: 'REDCap records + dictionary with payloads, unparseable choices, a 10,000-choice checkbox, SQL field names, wrong pairs',
	count: { full: 45, subset: 3 },
	make(random, index) {
		const project = PROJECTS[index % PROJECTS.length];
		const [label, damage] = DAMAGE[index % DAMAGE.length];
		const [dictionary, records] = damage(random, text(`redcap/${project}_DataDictionary.csv`), text(`redcap/${project}_records.csv`));
		return {
			files: [
				{ name: `${project}_records.csv`, bytes: utf8(records) },
				{ name: `${project}_DataDictionary.csv`, bytes: utf8(dictionary) }
			],
			note: `${project}: ${label}`
		};
	}
};
