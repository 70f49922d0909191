import { describe, expect, test } from 'vitest';
import { EngineStopped, isEngineFailure } from '$lib/db/engineStopped';

describe('telling an engine failure from a failed query', () => {
	test.each([
		'RuntimeError: unreachable',
		'RuntimeError: memory access out of bounds',
		'Aborted(OOM). Build with -sASSERTIONS for more info.',
		'FATAL Error: Failed: database has been invalidated because of a previous fatal error. The database must be restarted prior to being used again.',
		'table index is out of bounds'
	])('%s stops the engine', (message) => {
		expect(isEngineFailure(new Error(message))).toBe(true);
	});

	test.each([
		'Parser Error: syntax error at or near "SELEC"',
		'Out of Memory Error: failed to allocate data of size 1.0 GiB (3.0 GiB/3.0 GiB used)',
		'Permission Error: Cannot access file "x.csv" - file system operations are disabled by configuration',
		'Binder Error: Referenced column "unreachable_count" not found',
		'Conversion Error: Could not convert string "abc" to INT32'
	])('%s is the query’s own failure', (message) => {
		expect(isEngineFailure(new Error(message))).toBe(false);
	});

	test('says what stopped it', () => {
		const stopped = new EngineStopped(new Error('RuntimeError: unreachable'));
		expect(stopped.message).toBe('the database engine stopped (RuntimeError: unreachable)');
		expect(stopped.cause).toBeInstanceOf(Error);
	});
});
