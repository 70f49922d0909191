import type { Row } from './connector';

interface ArrowTableLike {
	toArray(): { toJSON(): Row }[];
}

/** Arrow result to plain rows: BIGINT becomes number (counts here are far below 2^53). */
export function arrowRows<T extends Row>(table: ArrowTableLike): T[] {
	return table.toArray().map((record) => {
		const row = record.toJSON();
		for (const key of Object.keys(row)) {
			const value = row[key];
			if (typeof value === 'bigint') row[key] = Number(value);
		}
		return row as T;
	});
}
