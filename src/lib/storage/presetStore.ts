import { z } from '$lib/schema/zod';
import type { MappingPreset } from '$lib/ingest/importFields';
import { errorMessage } from '$lib/errorMessage';

const KEY = 'massage-outcomes:mapping-presets';

const Source = z.union([z.object({ column: z.string() }).strict(), z.object({ constant: z.string() }).strict()]);

/** A preset as read from storage or from a JSON file someone shares: checked before it is used. */
export const MappingPresetSchema = z.object({
	name: z.string().trim().min(1, 'a preset needs a name').max(80),
	description: z.string().max(500).default(''),
	mapping: z.object({
		layout: z.enum(['wide', 'long']),
		fields: z.record(z.string(), Source),
		values: z.record(z.string(), z.record(z.string(), z.string())),
		dateFormat: z.enum(['auto', 'YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYY/MM/DD']),
		decimalMark: z.enum(['auto', 'point', 'comma'])
	})
});

/** Reads a preset file's text, or says what is wrong with it. */
export function parsePresetJson(text: string, source: string): MappingPreset {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new Error(`${source} is not JSON: ${errorMessage(error)}`);
	}
	const result = MappingPresetSchema.safeParse(json);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new Error(`${source} is not a mapping preset: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
	}
	return result.data;
}

/** Mapping presets the person saved, kept in this browser by name. */
export const presetStore = {
	list(): MappingPreset[] {
		try {
			const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown[];
			return stored.flatMap((p) => {
				const r = MappingPresetSchema.safeParse(p);
				return r.success ? [r.data] : [];
			});
		} catch {
			return [];
		}
	},
	save(preset: MappingPreset): void {
		const others = this.list().filter((p) => p.name !== preset.name);
		localStorage.setItem(KEY, JSON.stringify([...others, preset].sort((a, b) => a.name.localeCompare(b.name))));
	},
	delete(name: string): void {
		localStorage.setItem(KEY, JSON.stringify(this.list().filter((p) => p.name !== name)));
	},
	clear(): void {
		localStorage.removeItem(KEY);
	}
};
