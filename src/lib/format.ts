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

export function formatShare(x: number): string {
	return percent.format(x);
}

/** `2025-03` as "Mar 2025". */
export function formatMonth(month: string): string {
	return monthName.format(new Date(`${month}-01T00:00:00Z`));
}
