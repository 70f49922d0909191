import type { UploadedFile } from '$lib/ingest/readUpload';
import type { Random } from '../demo-data/random';

/** How big the hostile files get: the full run, or the fixed subset `npm test` runs. */
export type FuzzScale = 'full' | 'subset';

/** One hostile upload: the file (or files chosen together) a person might give the importer. */
export interface HostileUpload {
	files: UploadedFile[];
	/** What was done to it, in a few words, for the report. */
	note: string;
}

/** Where a hostile upload comes from: enough to make it again, byte for byte. */
export interface FuzzCase {
	family: string;
	/** Its number within the family, from 0. */
	index: number;
	seed: number;
}

/** A family of hostile files: how many of them each scale makes, and how to make one from a seeded stream. */
export interface FuzzFamily {
	name: string;
	/** What the family tries, for the report. */
	about: string;
	count: Record<FuzzScale, number>;
	make: (random: Random, index: number, scale: FuzzScale) => HostileUpload | Promise<HostileUpload>;
}
