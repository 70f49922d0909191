import { formatCount } from '$lib/format';

function rows(n: number): string {
	return `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;
}

/** "1,234 rows imported, 3 rows rejected": what an import did, in words. */
export function importedWords(imported: number, rejected: number): string {
	return `${rows(imported)} imported, ${rows(rejected)} rejected`;
}

/** The same before importing: what would happen. */
export function checkedWords(accepted: number, rejected: number): string {
	return `${rows(accepted)} can be imported, ${rows(rejected)} rejected`;
}
