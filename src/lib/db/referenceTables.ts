import { INSTRUMENTS } from '$lib/domain/instruments';
import { ROM_MOVEMENTS } from '$lib/domain/romMovements';
import type { Connector } from './connector';

/** Instruments and ROM movements as tables, filled with bound parameters from the one reference list. */
export async function loadReferenceTables(db: Connector): Promise<void> {
	await db.exec(`CREATE OR REPLACE TABLE instruments (code VARCHAR PRIMARY KEY, label VARCHAR, better VARCHAR,
		min_value DOUBLE, max_value DOUBLE, unit VARCHAR, mcid_points DOUBLE, mcid_percent DOUBLE, mcid_source VARCHAR,
		reliability VARCHAR, source VARCHAR)`);
	for (const i of INSTRUMENTS) {
		await db.query(`INSERT INTO instruments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
			i.code, i.label, i.better, i.min, i.max, i.unit, i.mcid_points, i.mcid_percent, i.mcid_source, i.reliability, i.source
		]);
	}
	await db.exec(`CREATE OR REPLACE TABLE rom_movements (code VARCHAR PRIMARY KEY, label VARCHAR, normal_degrees DOUBLE,
		reference_source VARCHAR)`);
	for (const m of ROM_MOVEMENTS) {
		await db.query(`INSERT INTO rom_movements VALUES (?, ?, ?, ?)`, [m.code, m.label, m.normal_degrees, m.reference_source]);
	}
}
