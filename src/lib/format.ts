const integer = new Intl.NumberFormat('en-CA', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-CA', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-CA', { style: 'percent', maximumFractionDigits: 0 });
const monthName = new Intl.DateTimeFormat('en-CA', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatCount(n: number): string {
	return integer.format(n);
}

export function formatScore(x: number): string {
	return oneDecimal.format(x);
}

export function formatShare(x: number): string {
	return percent.format(x);
}

/** `2025-03` as "Mar 2025". */
export function formatMonth(month: string): string {
	return monthName.format(new Date(`${month}-01T00:00:00Z`));
}
