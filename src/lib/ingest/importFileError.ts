/**
 * A file that cannot be read at all, said so a person can act: which file, where (line or row when known),
 * what is wrong and what to do.
 */
export class ImportFileError extends Error {
	readonly source: string;
	constructor(source: string, message: string, options?: { cause?: unknown }) {
		super(`${source}: ${message}`, options);
		this.name = 'ImportFileError';
		this.source = source;
	}
}
