import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ExportData } from './exportRows';

/** The export as Parquet bytes, one typed column per export column (text, 32-bit integer, double). */
export function exportParquet(data: ExportData): Uint8Array {
	const columnData = data.columns.map((column, i) => ({
		name: column.name,
		type: column.type,
		nullable: true,
		data: data.rows.map((row) => row[i])
	}));
	return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'massage-outcomes-dashboard export' }));
}
