import { ImportFileError } from '$lib/ingest/importFileError';

/** Text that is an engine's or the language's own words, not the importer's: a person cannot act on it. */
const RAW_ENGINE_TEXT = [
	/\b(Binder|Parser|Catalog|Conversion|Invalid Input|Internal|Out of Memory|Not implemented|IO|Serialization|Constraint|Invalid Configuration) Error\b/i,
	/\b(TypeError|RangeError|ReferenceError|RuntimeError|InternalError)\b/,
	/\bundefined\b|\bnull is not\b|\[object \w+\]|is not a function|Cannot read propert/,
	/Maximum call stack|Invalid string length|Array buffer allocation|out of memory/i,
	/unreachable|memory access out of bounds|\bAborted\(/i,
	/^query failed|\bquery failed: |state machine/im
];

/** Words that tell a person what to do next. */
const ADVICE = /\b(export|save|choose|fix|check|import|open|upload|remove|close|give|put|unpack|download|copy|map|drop|turn|replace|correct|try|use|select|split|send|pick|leave)\b/i;

/** Longest message a page should show; anything longer dumps data rather than explains. */
const MAX_LENGTH = 2000;

/**
 * Why an error message is not clear enough for a person importing a file, or null when it is: it must be the
 * importer's own ImportFileError, begin with the file's name, say what is wrong in the importer's words (no raw
 * engine or JavaScript error text), say what to do, and be short enough to read.
 */
export function unclearBecause(error: unknown, fileNames: readonly string[]): string | null {
	if (!(error instanceof ImportFileError)) return `not an ImportFileError (${error instanceof Error ? error.name : typeof error})`;
	const message = error.message;
	if (!fileNames.some((name) => error.source.includes(name)) || !message.startsWith(`${error.source}: `)) return 'does not begin with the file name';
	if (message.length > MAX_LENGTH) return `${message.length} characters long`;
	const raw = RAW_ENGINE_TEXT.find((pattern) => pattern.test(message));
	if (raw) return `holds raw engine text (${raw.source.slice(0, 40)})`;
	if (!ADVICE.test(message.slice(error.source.length))) return 'does not say what to do';
	return null;
}

/** Whether a thrown error, or any of its causes, is the WebAssembly engine trapping (a crash, whatever wraps it). */
export function isEngineTrap(error: unknown): boolean {
	for (let e = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
		if (e instanceof WebAssembly.RuntimeError || /RuntimeError|memory access out of bounds|\bunreachable\b|\bAborted\(/.test(e.message)) return true;
	}
	return false;
}
