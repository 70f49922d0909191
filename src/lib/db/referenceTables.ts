import { INSTRUMENTS } from '$lib/domain/instruments';
import { ROM_MOVEMENTS } from '$lib/domain/romMovements';
import type { Connector, SqlParam } from './connector';
import { placeholders } from './sql';

/** One INSERT for all rows, every value a bound parameter (a statement per row costs a round trip each). */
async function insertAll(db: Connector, table: string, rows: SqlParam[][]): Promise<void> {
	const tuple = `(${placeholders(rows[0].length)})`;
	await db.query(`INSERT INTO ${table} VALUES ${rows.map(() => tuple).join(', ')}`, rows.flat());
}

/** Instruments and ROM movements as tables, filled with bound parameters from the one reference list. */
export async function loadReferenceTables(db: Connector): Promise<void> {
	await db.exec(`CREATE OR REPLACE TABLE instruments (code VARCHAR PRIMARY KEY, label VARCHAR, better VARCHAR,
		min_value DOUBLE, max_value DOUBLE, unit VARCHAR, mcid_points DOUBLE, mcid_percent DOUBLE, mcid_source VARCHAR,
		reliability VARCHAR, mdc95 DOUBLE, icc DOUBLE, source VARCHAR)`);
	await insertAll(
		db,
		'instruments',
		INSTRUMENTS.map((i) => [i.code, i.label, i.better, i.min, i.max, i.unit, i.mcid_points, i.mcid_percent, i.mcid_source, i.reliability, i.mdc95 ?? null, i.icc ?? null, i.source])
	);
	await db.exec(`CREATE OR REPLACE TABLE rom_movements (code VARCHAR PRIMARY KEY, label VARCHAR, normal_degrees DOUBLE,
		reference_source VARCHAR, mdc_degrees DOUBLE, mdc_source VARCHAR)`);
	await insertAll(
		db,
		'rom_movements',
		ROM_MOVEMENTS.map((m) => [m.code, m.label, m.normal_degrees, m.reference_source, m.mdc_degrees, m.mdc_source])
	);
}
