/** A file name part from a title: lower case, ASCII letters and digits joined by hyphens. */
export function slug(title: string): string {
	const text = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return text || 'export';
}

/** `<slug>-<YYYY-MM-DD>.<extension>`, the date in local time. */
export function datedFileName(title: string, extension: string, date = new Date()): string {
	const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
	return `${slug(title)}-${day}.${extension}`;
}
