import { formatCount, formatEffectSize, formatScore, formatShare } from '$lib/format';
import { ALL_TECHNIQUES } from '$lib/queries';
import { changeEffects, EFFECT_SIZE_LABELS } from '$lib/stats/effectSizes';
import type { CurvePoint, DosePoint, RetentionPoint } from './conditionsAnalysis';

/**
 * A chart's numbers as text, for the table alternative: a header per column and per row. A hidden point and a point
 * with no data both read "–", so the table does not tell which one it was.
 */
export interface TextTable {
	columns: string[];
	rows: { header: string; cells: string[] }[];
}

export const NO_VALUE = '–';

const UNSTABLE_MARK = ' †';



/** Technique codes with at least one shown point, the all-techniques column first. */
function shownTechniques(points: readonly { technique: string; suppressed: boolean }[]): string[] {
	return [...new Set(points.filter((p) => !p.suppressed).map((p) => p.technique))].sort((a, b) =>
		a === ALL_TECHNIQUES ? -1 : b === ALL_TECHNIQUES ? 1 : a.localeCompare(b)
	);
}

/** Session numbers down, techniques across, shown sessions only. */
function bySession<P extends { session: number; technique: string; suppressed: boolean }>(
	points: readonly P[],
	columnLabel: (technique: string) => string,
	cell: (point: P) => string
): TextTable {
	const techniques = shownTechniques(points);
	const sessions = [...new Set(points.filter((p) => !p.suppressed).map((p) => p.session))].sort((a, b) => a - b);
	const byKey = new Map(points.filter((p) => !p.suppressed).map((p) => [`${p.session}|${p.technique}`, p]));
	return {
		columns: ['Session', ...techniques.map(columnLabel)],
		rows: sessions.map((session) => ({
			header: String(session),
			cells: techniques.map((t) => {
				const p = byKey.get(`${session}|${t}`);
				return p ? cell(p) : NO_VALUE;
			})
		}))
	};
}

/** Mean (95% CI) [n] per session and technique; † marks fewer than 20 clients. */
export function sessionCurveTable(points: readonly CurvePoint[], columnLabel: (technique: string) => string): TextTable {
	return bySession(points, columnLabel, (p) => {
		const interval = p.lower === null || p.upper === null ? '' : ` (${formatScore(p.lower)} to ${formatScore(p.upper)})`;
		return `${formatScore(p.mean)}${interval} [n = ${formatCount(p.clients)}]${p.unstable ? UNSTABLE_MARK : ''}`;
	});
}

/** Clients still attending per session and technique, with the share of those who started. */
export function retentionTable(points: readonly RetentionPoint[], columnLabel: (technique: string) => string): TextTable {
	return bySession(points, columnLabel, (p) =>
		p.clients === null ? NO_VALUE : `${formatCount(p.clients)}${p.share === null ? '' : ` (${formatShare(p.share)})`}`
	);
}

/** One row per bucket of course lengths: n, mean change and its 95% CI. */
export function doseTable(points: readonly DosePoint[]): TextTable {
	return {
		columns: ['Sessions attended', 'Clients (n)', 'Mean improvement', '95% CI', EFFECT_SIZE_LABELS.d_z, EFFECT_SIZE_LABELS.d_av],
		rows: points.map((p) => {
			if (p.suppressed) return { header: p.label, cells: [NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE] };
			const effects = changeEffects({ n: p.clients, mean: p.mean, sd: p.sd ?? NaN }, p.sdBaseline, p.sdEnd);
			return {
				header: p.label,
				cells: [
					`${formatCount(p.clients)}${p.unstable ? UNSTABLE_MARK : ''}`,
					formatScore(p.mean),
					p.lower === null || p.upper === null ? NO_VALUE : `${formatScore(p.lower)} to ${formatScore(p.upper)}`,
					formatEffectSize(effects.dz.value),
					formatEffectSize(effects.dav?.value)
				]
			};
		})
	};
}
