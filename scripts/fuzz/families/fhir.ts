import type { Random } from '../../demo-data/random';
import type { FuzzFamily } from '../fuzzCase';
import { fixture, fixtureNames } from '../fixtures';
import { scramble } from '../mutate';
import { PAYLOADS } from './payloads';
import { utf8 } from '../visitsTable';

const FHIR = fixtureNames('.ndjson').filter((n) => n.startsWith('fhir/'));
const text = (path: string) => new TextDecoder().decode(fixture(path));

/** Every string value of a FHIR resource line replaced, now and then, by a payload or something absurd. */
function poisonStrings(random: Random, line: string): string {
	return line.replace(/"((?:[^"\\]|\\.)*)"(?=\s*[,}\]])/g, (match) => {
		if (!random.chance(0.4)) return match;
		return JSON.stringify(random.pick([...PAYLOADS, '', ' ', 'x'.repeat(10_000), '9999-99-99T99:99:99Z', 'Patient/../../etc/passwd', '\u0000', '\ud800']));
	});
}

const DAMAGE: [string, (random: Random) => { name: string; text: string }[]][] = [
	['payloads in string values of a bulk export', (r) => [{ name: 'bulk.ndjson', text: text('fhir/bulk-export-mixed.ndjson').split('\n').map((l) => poisonStrings(r, l)).join('\n') }]],
	['payloads in every resource file', (r) => FHIR.map((p) => ({ name: p.split('/').pop()!, text: text(p).split('\n').map((l) => poisonStrings(r, l)).join('\n') }))],
	['numbers swapped for absurd ones', (r) => [{ name: 'Observation.ndjson', text: text('fhir/Observation.ndjson').replace(/"value":\s*[\d.]+/g, () => `"value":${r.pick(['1e309', '-0', '1e-400', '99999999999999999999', '"7"', 'null', '[]', '{}'])}`) }]],
	['resourceType missing or unknown', (r) => [{ name: 'bulk.ndjson', text: text('fhir/bulk-export-mixed.ndjson').replace(/"resourceType":"(\w+)"/g, (m) => (r.chance(0.3) ? r.pick(['"resourceType":"Evil"', '"resourceType":null', '"rt":"x"']) : m)) }]],
	['references to missing, circular and hostile resources', (r) => [{ name: 'bulk.ndjson', text: text('fhir/bulk-export-mixed.ndjson').replace(/"reference":"[^"]*"/g, () => `"reference":${JSON.stringify(r.pick(['Patient/', 'Encounter/nope', 'Patient/<script>', '#', 'Encounter/enc-1001/_history/9', '']))}`) }]],
	['a resource nested 50,000 deep', () => [{ name: 'bulk.ndjson', text: text('fhir/Patient.ndjson') + `{"resourceType":"Observation","id":"deep","valueQuantity":${'{"value":'.repeat(50_000)}1${'}'.repeat(50_000)}}\n` }]],
	['one resource file among other files', () => [{ name: 'Patient.ndjson', text: text('fhir/Patient.ndjson') }, { name: 'visits.json', text: '[{"Client":"C1"}]' }]],
	['resource lines with garbled bytes', (r) => [{ name: 'bulk.ndjson', text: new TextDecoder().decode(scramble(r, fixture('fhir/bulk-export-mixed.ndjson'), r.integer(1, 30))) }]]
];

/** FHIR Bulk Data NDJSON with hostile contents: payloads, absurd numbers, broken references, deep nesting. */
export const fhir: FuzzFamily = {
	name: 'fhir-hostile',
	about: 'FHIR NDJSON with payloads in string values, absurd numbers, unknown resource types, broken references, deep nesting',
	count: { full: 40, subset: 3 },
	make(random, index) {
		const [label, files] = DAMAGE[index % DAMAGE.length];
		return { files: files(random).map((f) => ({ name: f.name, bytes: utf8(f.text) })), note: label };
	}
};
