import { errorMessage } from '$lib/errorMessage';

/**
 * What DuckDB-wasm says when the engine itself has failed, rather than one query: a WebAssembly trap (an
 * `unreachable`, an access out of bounds, an abort), or DuckDB refusing all further work after a fatal error.
 * A query's own error (a typo, a type, DuckDB's memory limit) is not among them: the engine answers the next one.
 */
const ENGINE_FAILURE =
	/RuntimeError|\bunreachable\b|memory access out of bounds|table index is out of bounds|function signature mismatch|Aborted\(|FATAL Error|database (?:has been|was) invalidated|must be restarted/i;

export function isEngineFailure(error: unknown): boolean {
	return ENGINE_FAILURE.test(errorMessage(error));
}

/** Every call to a database whose engine has stopped: it answers nothing more, and a new one must be started. */
export class EngineStopped extends Error {
	constructor(reason: unknown) {
		super(`the database engine stopped (${errorMessage(reason)})`, { cause: reason });
		this.name = 'EngineStopped';
	}
}
