import type { RomChangePoint, RomProgressPoint } from '$lib/charts/romChart';
import { formatDegrees, formatPercentOfNormal } from './romText';

/** A movement in one of the ROM charts: its label, and whether its estimate is unstable (fewer than 20 clients). */
export interface RomPoint {
	label: string;
	unstable: boolean;
}

/** A column of a ROM chart's table: its header, and a point's cell. */
export interface RomPointColumn<Point extends RomPoint> {
	header: string;
	cell: (point: Point) => string;
}

/** The progress chart's table: mean % of normal at the start and the end of the course. */
export const PROGRESS_COLUMNS: RomPointColumn<RomProgressPoint>[] = [
	{ header: 'Before the first session', cell: (p) => formatPercentOfNormal(p.baseline) },
	{ header: 'End of course', cell: (p) => formatPercentOfNormal(p.end) }
];

/** The change chart's table: mean change in degrees, its 95% CI, and the movement's MDC. */
export const CHANGE_COLUMNS: RomPointColumn<RomChangePoint>[] = [
	{ header: 'Mean change', cell: (p) => formatDegrees(p.mean) },
	{ header: '95% CI', cell: (p) => `${formatDegrees(p.lower)} to ${formatDegrees(p.upper)}` },
	{ header: 'MDC', cell: (p) => (p.mdc === null ? 'No published MDC' : formatDegrees(p.mdc)) }
];
