const integer = new Intl.NumberFormat('en-CA', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-CA', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-CA', { style: 'percent', maximumFractionDigits: 0 });
const monthName = new Intl.DateTimeFormat('en-CA', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatCount(n: number): string {
	return integer.format(n);
}

/** One decimal; a value that rounds to zero is "0.0", never "-0.0". */
export function formatScore(x: number): string {
	const rounded = Math.round(x * 10) / 10;
	return oneDecimal.format(rounded === 0 ? 0 : rounded);
}

/**
 * An estimate and its interval, e.g. "1.4 (1.0 to 1.8)": "to", not a dash, since a bound may be negative. `number`
 * formats each of the three (one decimal by default; pages pass degrees, two decimals or a sign).
 */
export function formatInterval(
	interval: { lower: number; upper: number; mean?: number; estimate?: number },
	number: (x: number) => string = formatScore
): string {
	const estimate = interval.estimate ?? interval.mean ?? NaN;
	return `${number(estimate)} (${formatBounds(interval.lower, interval.upper, number)})`;
}

/** An interval's bounds alone, e.g. "0.21 to 0.74". */
export function formatBounds(lower: number, upper: number, number: (x: number) => string = formatScore): string {
	return `${number(lower)} to ${number(upper)}`;
}

/** An effect size with two decimals and a true minus sign, or "–" when it cannot be computed. */
export function formatEffectSize(x: number | null | undefined): string {
	return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(2).replace('-', '−');
}

/** A change's two effect sizes, named: "d_z 0.91 · d_av 0.48". */
export function formatChangeEffects(effects: { dz: { value: number | null }; dav: { value: number | null } | null } | null): string {
	return `d_z ${formatEffectSize(effects?.dz.value)} · d_av ${formatEffectSize(effects?.dav?.value)}`;
}

export function formatShare(x: number): string {
	return percent.format(x);
}

/** What a page says where it needs calendar months and the dataset has none (a researcher export holds no dates). */
export function noMonthsText(consequence: string): string {
	return `This dataset holds no visit dates (its sessions are timed in days since each client’s first visit), so ${consequence}.`;
}

/** `2025-03` as "Mar 2025". */
export function formatMonth(month: string): string {
	return monthName.format(new Date(`${month}-01T00:00:00Z`));
}

/** A trend point's period by its first month: "Mar 2025", "2025 Q1" or "2025". */
export function formatPeriod(month: string, step: 'month' | 'quarter' | 'year' = 'month'): string {
	const [year, number] = month.split('-');
	if (step === 'year') return year;
	if (step === 'quarter') return `${year} Q${Math.floor((Number(number) - 1) / 3) + 1}`;
	return formatMonth(month);
}
