/**
 * The clinic visit table every reader fixture holds (scripts/fixtures/make-reader-fixtures.ts), as the text the
 * readers must give for a Parquet file: dates as YYYY-MM-DD, timestamps with their time, the DECIMAL fee with its
 * two places, decimals as short as they read back, blanks as null.
 */
export const VISIT_HEADERS = [
	'client_id', 'therapist_id', 'visit_date', 'technique', 'condition', 'pain_pre', 'pain_post', 'stress_pre',
	'duration_min', 'fee', 'follow_up', 'recorded_at'
];

export const PARQUET_VISIT_ROWS: (string | null)[][] = [
	['C0001', 'T01', '2025-03-03', 'swedish', 'chronic_low_back_pain', '6.5', '4', '5', '60', '95.00', 'true', '2025-03-03 09:30:00'],
	['C0002', 'T02', '2025-03-03', 'deep_tissue', 'neck_pain', '7', '5.5', null, '45', '80.00', 'false', '2025-03-03 11:15:00'],
	['C0001', 'T01', '2025-03-10', 'swedish', 'chronic_low_back_pain', '5.5', '3.5', '4', '60', '95.00', 'true', '2025-03-10 09:30:00'],
	['C0003', 'T03', '2025-03-11', 'trigger_point', 'tension_headache', '8', null, '7', '30', '55.50', 'true', '2025-03-11 14:45:30'],
	['C0002', 'T02', '2025-03-17', 'deep_tissue', 'neck_pain', '6', '4.5', '6', '45', null, 'false', '2025-03-17 11:15:00'],
	['C0004', 'T03', '2025-03-18', 'myofascial_release', 'fibromyalgia', '7.5', '6', '8', '90', '130.00', 'true', '2025-03-18 16:00:00'],
	['C0003', 'T03', '2025-03-18', 'trigger_point', 'tension_headache', '6.5', '4', '5.5', null, '55.50', 'false', '2025-03-18 00:00:00'],
	['C0005', 'T01', '2025-03-24', 'sports', 'sports_injury', '4.5', '2', '3', '60', '95.00', 'true', null],
	['C0001', 'T01', '2025-03-24', 'swedish', 'chronic_low_back_pain', '4', '2.5', null, '60', '95.00', 'false', '2025-03-24 09:30:00'],
	['C0004', 'T03', '2025-03-25', 'myofascial_release', 'fibromyalgia', '7', '5', '7.5', '90', '130.00', 'true', '2025-03-25 16:00:00'],
	['C0006', 'T02', '2025-03-31', 'lymphatic_drainage', null, '3', '1.5', '2', '60', '95.00', 'false', '2025-03-31 10:05:00'],
	['C0005', 'T01', '2025-03-31', 'sports', 'sports_injury', '3.5', '1', '2.5', '60', '95.00', 'false', '2025-03-31 13:20:00'],
	['C0002', 'T02', '2025-04-01', 'deep_tissue', 'neck_pain', '5', '3.3', '4.5', '45', '80.00', null, '2025-04-01 11:15:00'],
	['C0006', 'T02', '2025-04-07', 'lymphatic_drainage', 'anxiety_stress', '2.5', '1', '3', '60', '95.00', 'true', '2025-04-07 10:05:00'],
	['C0003', 'T03', '2025-04-08', 'trigger_point', 'tension_headache', '5', '2.5', '4', '30', '55.50', 'false', '2025-04-08 14:45:30'],
	['C0004', 'T03', '2025-04-08', 'myofascial_release', 'fibromyalgia', '6.5', '4.5', '6.5', '90', '130.00', 'false', '2025-04-08 16:00:00']
];

const FEE = VISIT_HEADERS.indexOf('fee');

/**
 * The same table from JSON or Excel, where the fee is a plain number (95 → "95", 55.50 → "55.5"); in Excel a
 * date-time at midnight also reads as a date alone.
 */
export function visitRowsWithNumberFee(midnightAsDate = false): (string | null)[][] {
	return PARQUET_VISIT_ROWS.map((row) =>
		row.map((cell, i) => {
			if (i === FEE && cell !== null) return String(Number(cell));
			if (midnightAsDate && cell?.endsWith(' 00:00:00')) return cell.slice(0, 10);
			return cell;
		})
	);
}
