import type { FuzzCase, FuzzFamily, FuzzScale, HostileUpload } from '../fuzzCase';
import { createRandom } from '../../demo-data/random';
import { bigField } from './bigField';
import { delimiters } from './delimiters';
import { empty } from './empty';
import { encodings } from './encodings';
import { fhir } from './fhir';
import { gzipped } from './gzipped';
import { headers } from './headers';
import { json } from './json';
import { lineEndings } from './lineEndings';
import { manyRows } from './manyRows';
import { mutatedCsv } from './mutatedCsv';
import { nulBytes } from './nulBytes';
import { numbersDates } from './numbersDates';
import { parquet } from './parquet';
import { payloads } from './payloads';
import { quotes } from './quotes';
import { randomBytes } from './randomBytes';
import { redcap } from './redcap';
import { truncated } from './truncated';
import { wide } from './wide';
import { wrongExtension } from './wrongExtension';
import { xlsx } from './xlsx';

export const FAMILIES: readonly FuzzFamily[] = [
	empty, truncated, encodings, nulBytes, quotes, lineEndings, delimiters, headers, payloads, numbersDates, bigField, wide,
	manyRows, parquet, xlsx, json, gzipped, wrongExtension, randomBytes, mutatedCsv, fhir, redcap
];

/** A case's own seed, from the run's seed, its family and its number: one case can be made again alone. */
function caseSeed(seed: number, familyNumber: number, index: number): number {
	return (Math.imul(seed ^ 0x9e3779b9, 2654435761) + Math.imul(familyNumber + 1, 40503) + Math.imul(index + 1, 97)) >>> 0;
}

/** Every case of a run, family by family. */
export function fuzzCases(scale: FuzzScale, seed: number): FuzzCase[] {
	return FAMILIES.flatMap((family, f) => Array.from({ length: family.count[scale] }, (_, index) => ({ family: family.name, index, seed: caseSeed(seed, f, index) })));
}

/** The upload a case stands for, made again from its seed. */
export async function hostileUpload(fuzzCase: FuzzCase, scale: FuzzScale): Promise<HostileUpload> {
	const family = FAMILIES.find((f) => f.name === fuzzCase.family);
	if (!family) throw new Error(`unknown fuzz family: ${fuzzCase.family}`);
	return family.make(createRandom(fuzzCase.seed), fuzzCase.index, scale);
}
