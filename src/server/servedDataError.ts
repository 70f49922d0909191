/** Why the server cannot serve what it was given, said to the person who started it (no stack). */
export class ServedDataError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ServedDataError';
	}
}
