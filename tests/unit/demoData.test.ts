import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CONDITIONS } from '../../src/lib/domain/conditions';
import { TECHNIQUES } from '../../src/lib/domain/techniques';
import { ROM_MOVEMENTS } from '../../src/lib/domain/romMovements';
import { CANONICAL_TABLES, validateRow } from '$lib/schema';
import {
	DEFAULT_DEMO_DATA_OPTIONS, DEMO_COLUMNS, demoDataToCsv, generateDemoData, gzipReproducible, toCsv
} from '../../scripts/demo-data';
import {
	AGE_BANDS, BODY_REGIONS, CLINIC_IDS, DEMO_INSTRUMENTS, PRESSURES, SEXES, type DemoData
} from '../../scripts/demo-data/types';

const small = { seed: 7, clients: 120 };
const full: DemoData = generateDemoData(DEFAULT_DEMO_DATA_OPTIONS);

describe('demo data: determinism', () => {
	it('gives identical CSV for the same seed', () => {
		expect(demoDataToCsv(generateDemoData(small))).toEqual(demoDataToCsv(generateDemoData(small)));
	});

	it('gives different data for a different seed', () => {
		const a = demoDataToCsv(generateDemoData(small));
		const b = demoDataToCsv(generateDemoData({ ...small, seed: 8 }));
		expect(a.sessions).not.toEqual(b.sessions);
		expect(a.measurements).not.toEqual(b.measurements);
	});

	it('gzips to the same bytes each time, with no timestamp', () => {
		const text = demoDataToCsv(generateDemoData(small)).sessions;
		const gz = gzipReproducible(text);
		expect(gz.equals(gzipReproducible(text))).toBe(true);
		expect([...gz.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
		expect(gunzipSync(gz).toString('utf8')).toBe(text);
	});

	it('matches the files in data/ (the CSV inside; another zlib build may compress differently)', () => {
		const csv = demoDataToCsv(full);
		for (const table of Object.keys(csv) as (keyof typeof csv)[]) {
			expect(gunzipSync(readFileSync(join('data', `${table}.csv.gz`))).toString('utf8') === csv[table], table).toBe(true);
		}
	});

	it('rejects options it cannot honour', () => {
		expect(() => generateDemoData({ seed: 1.5, clients: 10 })).toThrow(/invalid seed/);
		expect(() => generateDemoData({ seed: 1, clients: 0 })).toThrow(/invalid clients/);
	});
});

describe('demo data: CSV', () => {
	it('has the stated header rows and \\n line ends', () => {
		const csv = demoDataToCsv(generateDemoData(small));
		expect(csv.clients.split('\n')[0]).toBe('client_id,age_band,sex,primary_condition');
		expect(csv.therapists.split('\n')[0]).toBe('therapist_id,clinic_id');
		expect(csv.sessions.split('\n')[0]).toBe(DEMO_COLUMNS.sessions.join(','));
		expect(csv.measurements.split('\n')[0]).toBe('session_id,instrument,timepoint,value,rom_movement,side');
		for (const text of Object.values(csv)) expect(text).not.toContain('\r');
	});

	it('quotes only fields that need it and writes null as empty', () => {
		const rows = [{ a: 'x,y', b: 'say "hi"', c: null }, { a: 'plain', b: 'deep_tissue;swedish', c: 3 }];
		expect(toCsv(rows, ['a', 'b', 'c'])).toBe('a,b,c\n"x,y","say ""hi""",\nplain,deep_tissue;swedish,3\n');
	});
});

describe('demo data: default options', () => {
	it('has row counts in the stated ranges', () => {
		expect(full.clients.length).toBe(DEFAULT_DEMO_DATA_OPTIONS.clients);
		expect(full.clients.length).toBeGreaterThanOrEqual(1750);
		expect(full.clients.length).toBeLessThanOrEqual(1900);
		expect(full.therapists.length).toBe(12);
		expect(full.sessions.length).toBeGreaterThanOrEqual(15_000);
		expect(full.sessions.length).toBeLessThanOrEqual(20_000);
		expect(full.measurements.length).toBeGreaterThan(6 * full.sessions.length * 0.95);
	});

	it('has right-skewed course lengths: 15-20% single visits, few at the cap of 20', () => {
		const lengths = new Map<string, number>();
		for (const s of full.sessions) lengths.set(s.client_id, Math.max(lengths.get(s.client_id) ?? 0, s.session_number));
		const sorted = [...lengths.values()].sort((a, b) => a - b);
		const share = (k: number) => sorted.filter((n) => n === k).length / sorted.length;
		const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
		const median = sorted[Math.floor((sorted.length - 1) / 2)];
		expect(share(1)).toBeGreaterThanOrEqual(0.15);
		expect(share(1)).toBeLessThanOrEqual(0.2);
		expect(share(20)).toBeLessThanOrEqual(0.12);
		expect(median).toBeGreaterThanOrEqual(5);
		expect(median).toBeLessThanOrEqual(7);
		expect(mean).toBeGreaterThan(median);
		expect(mean).toBeGreaterThanOrEqual(7.5);
		expect(mean).toBeLessThanOrEqual(9.5);
	});

	it('gives each main condition at least 60 clients', () => {
		const main = CONDITIONS.filter((c) => c !== 'hypertension' && c !== 'other');
		for (const condition of main) {
			expect(full.clients.filter((c) => c.primary_condition === condition).length, condition).toBeGreaterThanOrEqual(60);
		}
	});

	it('has unique ids and valid client and therapist rows', () => {
		expect(new Set(full.clients.map((c) => c.client_id)).size).toBe(full.clients.length);
		expect(new Set(full.sessions.map((s) => s.session_id)).size).toBe(full.sessions.length);
		for (const c of full.clients) {
			expect(c.client_id).toMatch(/^C[A-Z2-9]{6}$/);
			expect(AGE_BANDS).toContain(c.age_band);
			expect(SEXES).toContain(c.sex);
			expect(CONDITIONS).toContain(c.primary_condition);
		}
		for (const t of full.therapists) {
			expect(t.therapist_id).toMatch(/^T(0[1-9]|1[0-2])$/);
			expect(CLINIC_IDS).toContain(t.clinic_id);
		}
	});

	it('has sessions within range, numbered 1, 2, ... per client in date order', () => {
		const clientIds = new Set(full.clients.map((c) => c.client_id));
		const clinicOf = new Map(full.therapists.map((t) => [t.therapist_id, t.clinic_id]));
		const byClient = new Map<string, typeof full.sessions>();
		const problems: string[] = [];
		const check = (ok: boolean, what: string, row: unknown) => ok || problems.push(`${what}: ${JSON.stringify(row)}`);
		for (const s of full.sessions) {
			check(/^S\d{6}$/.test(s.session_id), 'session_id', s);
			check(clientIds.has(s.client_id), 'unknown client', s);
			check(clinicOf.get(s.therapist_id) === s.clinic_id, 'clinic', s);
			check(/^\d{4}-\d{2}-\d{2}$/.test(s.session_date) && s.session_date >= '2024-11-01' && s.session_date <= '2026-10-31', 'date', s);
			check([30, 45, 60, 75, 90].includes(s.duration_min), 'duration', s);
			check((TECHNIQUES as readonly string[]).includes(s.primary_technique), 'primary technique', s);
			const others = s.other_techniques === null ? [] : s.other_techniques.split(';');
			check(s.other_techniques !== '' && others.length <= 2, 'other techniques count', s);
			for (const t of others) check((TECHNIQUES as readonly string[]).includes(t) && t !== s.primary_technique, 'other technique', s);
			check((BODY_REGIONS as readonly string[]).includes(s.body_region), 'body region', s);
			check((PRESSURES as readonly string[]).includes(s.pressure), 'pressure', s);
			if (!byClient.has(s.client_id)) byClient.set(s.client_id, []);
			byClient.get(s.client_id)!.push(s);
		}
		check(byClient.size === full.clients.length, 'clients without sessions', byClient.size);
		for (const sessions of byClient.values()) {
			check(sessions.length <= 20, 'course length', sessions.length);
			sessions.forEach((s, i) => {
				check(s.session_number === i + 1, 'session_number', s);
				if (i === 0) return;
				const gap = (Date.parse(s.session_date) - Date.parse(sessions[i - 1].session_date)) / 86_400_000;
				check(gap >= 6 && gap <= 22, 'gap between sessions', s);
			});
		}
		const dates = full.sessions.map((s) => s.session_date);
		check(dates.every((d, i) => i === 0 || dates[i - 1] <= d), 'session ids not in date order', null);
		expect(problems.slice(0, 10)).toEqual([]);
	});

	it('has measurements within range, and an intake pain score for every client', () => {
		const sessionIds = new Set(full.sessions.map((s) => s.session_id));
		const normal = new Map(ROM_MOVEMENTS.map((m) => [m.code, m.normal_degrees]));
		const seen = new Set<string>();
		const problems: string[] = [];
		const check = (ok: boolean, what: string, row: unknown) => ok || problems.push(`${what}: ${JSON.stringify(row)}`);
		for (const m of full.measurements) {
			check(sessionIds.has(m.session_id), 'unknown session', m);
			check((DEMO_INSTRUMENTS as readonly string[]).includes(m.instrument), 'instrument', m);
			check(m.timepoint === 'pre' || m.timepoint === 'post', 'timepoint', m);
			check(Number.isInteger(m.value) && m.value >= 0, 'value', m);
			if (m.instrument === 'rom') {
				const limit = normal.get(m.rom_movement ?? '');
				check(limit !== undefined && m.value <= limit + 10, 'rom value', m);
				const spinal = m.rom_movement === 'lumbar_flexion';
				check(spinal ? m.side === 'bilateral' : m.side === 'left' || m.side === 'right', 'side', m);
			} else {
				check(m.value <= 10 && m.rom_movement === null && m.side === null, 'nrs row', m);
			}
			const key = `${m.session_id} ${m.instrument} ${m.timepoint} ${m.rom_movement} ${m.side}`;
			check(!seen.has(key), 'duplicate', m);
			seen.add(key);
		}
		for (const s of full.sessions.filter((x) => x.session_number === 1)) {
			check(seen.has(`${s.session_id} pain_nrs pre null null`), 'no intake pain', s);
		}
		expect(problems.slice(0, 10)).toEqual([]);
	});

	it("passes the app's canonical schemas, row by row", () => {
		for (const { name, schema } of CANONICAL_TABLES) {
			const problems = (full[name] as unknown[]).flatMap((row) => {
				const result = validateRow(schema as never, row);
				return result.ok ? [] : result.problems.map((p) => `${name}: ${p.message}`);
			});
			expect(problems.slice(0, 10)).toEqual([]);
		}
	});

	it('has post pain above pre in 3-10% of sessions, more often after deep work; post sleep equals pre sleep', () => {
		const score = new Map(full.measurements.map((m) => [`${m.session_id} ${m.instrument} ${m.timepoint}`, m.value]));
		const flares = new Map<string, { above: number; both: number }>();
		const count = (key: string, above: boolean) => {
			const c = flares.get(key) ?? { above: 0, both: 0 };
			flares.set(key, { above: c.above + Number(above), both: c.both + 1 });
		};
		for (const s of full.sessions) {
			const pre = score.get(`${s.session_id} pain_nrs pre`);
			const post = score.get(`${s.session_id} pain_nrs post`);
			if (pre !== undefined && post !== undefined) {
				count('all', post > pre);
				count(s.primary_technique, post > pre);
			}
			const sleepPre = score.get(`${s.session_id} sleep_nrs pre`);
			const sleepPost = score.get(`${s.session_id} sleep_nrs post`);
			if (sleepPre !== undefined && sleepPost !== undefined) expect(sleepPost).toBe(sleepPre);
		}
		const share = (key: string) => flares.get(key)!.above / flares.get(key)!.both;
		expect(share('all')).toBeGreaterThanOrEqual(0.03);
		expect(share('all')).toBeLessThanOrEqual(0.1);
		for (const deep of ['deep_tissue', 'trigger_point']) {
			for (const gentle of ['swedish', 'lymphatic_drainage']) expect(share(deep), `${deep} vs ${gentle}`).toBeGreaterThan(share(gentle));
		}
	});
});
