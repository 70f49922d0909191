/**
 * A page's view (its filters and choices) as URL query parameters: written with only what differs from the page's
 * defaults, read back with every value checked, and anything unusable ignored with a sentence saying why.
 */

/** What one parameter's occurrences read as: a value, or why they were ignored (the default then stands). */
export type ParamReading<T> = { value: T; ignored?: string } | { ignored: string };

/** One setting of a view kept in the URL. */
export interface ViewParam<T> {
	/** The parameter's name in the URL. */
	name: string;
	/** The value when the parameter is absent; never written. */
	fallback: T;
	/** Reads every occurrence of the parameter (at least one). */
	read(texts: string[]): ParamReading<T>;
	/** The parameter's occurrences for a value; none for the fallback. */
	write(value: T): string[];
}

/** A view's parameters, one per field of the view. */
export type ViewParams<V> = { [K in keyof V]: ViewParam<V[K]> };

/** A view read from a URL: every field (defaults where absent or unusable), and what was ignored and why. */
export interface ViewReading<V> {
	view: V;
	ignored: string[];
}

/** The value that stands for "all" (an empty choice) in a URL, where an empty parameter would read as missing. */
export const ALL_TOKEN = 'all';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Quoted and cut short, so a long or odd value reads as a value in a sentence. */
export function quotedValue(text: string): string {
	const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
	return `“${short}”`;
}

export interface ChoiceParamOptions<T extends string = string> {
	name: string;
	/** What the setting is called in a sentence, e.g. "condition". */
	label: string;
	/** The values the page offers now (read when the URL is read, so they may come from the data). */
	values: () => readonly T[];
	/** The page's own choice, which may come from the data (e.g. the condition with the most sessions). */
	fallback: T | (() => T);
	/** Whether "" (all, or none chosen) is a valid value; written as ALL_TOKEN. */
	allowAll?: boolean;
}

/** One value out of a list the page offers. */
export function choiceParam<T extends string>(options: ChoiceParamOptions<T>): ViewParam<T> {
	const { name, label, values, allowAll = false } = options;
	const fallback = (): T => (typeof options.fallback === 'function' ? options.fallback() : options.fallback);
	return {
		name,
		get fallback() {
			return fallback();
		},
		read(texts) {
			const text = texts[texts.length - 1];
			const extra = texts.length > 1 ? `${label} was given ${texts.length} times; the last was used` : undefined;
			if (allowAll && text === ALL_TOKEN) return { value: '' as T, ignored: extra };
			if ((values() as readonly string[]).includes(text)) return { value: text as T, ignored: extra };
			return { ignored: `${label} ${quotedValue(text)} is not one this page offers for this dataset` };
		},
		write: (value) => (value === fallback() ? [] : [value === '' && allowAll ? ALL_TOKEN : value])
	};
}

/** One value out of a list the page offers, or none (null), e.g. a group picked in a chart. */
export function optionalChoiceParam(options: Omit<ChoiceParamOptions, 'fallback' | 'allowAll'>): ViewParam<string | null> {
	const choice = choiceParam({ ...options, fallback: '' });
	return { name: options.name, fallback: null, read: (texts) => choice.read(texts), write: (value) => (value === null ? [] : [value]) };
}

export interface ListParamOptions {
	name: string;
	/** What one item is called in a sentence, e.g. "technique". */
	label: string;
	values: () => readonly string[];
}

/** Any number of values out of a list the page offers, one occurrence each; none means all. */
export function listParam(options: ListParamOptions): ViewParam<string[]> {
	const { name, label, values } = options;
	return {
		name,
		fallback: [],
		read(texts) {
			const offered = values();
			const known = [...new Set(texts.filter((t) => offered.includes(t)))];
			const unknown = [...new Set(texts.filter((t) => !offered.includes(t)))];
			const ignored = unknown.length
				? `${label} ${unknown.map(quotedValue).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in this dataset`
				: undefined;
			return { value: known, ignored };
		},
		// In the order the page offers them, so one selection has one URL.
		write: (value) => values().filter((v) => value.includes(v))
	};
}

export interface MonthParamOptions {
	name: string;
	label: string;
}

/** A month, `YYYY-MM`, or null for no bound. */
export function monthParam(options: MonthParamOptions): ViewParam<string | null> {
	const { name, label } = options;
	return {
		name,
		fallback: null,
		read(texts) {
			const text = texts[texts.length - 1];
			if (MONTH.test(text)) return { value: text };
			return { ignored: `${label} ${quotedValue(text)} is not a month written as YYYY-MM` };
		},
		write: (value) => (value === null ? [] : [value])
	};
}

/** Free text, kept as given (e.g. a SQL query); empty is the fallback. */
export function textParam(name: string): ViewParam<string> {
	return { name, fallback: '', read: (texts) => ({ value: texts[texts.length - 1] }), write: (value) => (value ? [value] : []) };
}

/** Reads a view from query parameters: each field checked, unknown parameters named, nothing thrown. */
export function readView<V>(params: ViewParams<V>, search: URLSearchParams): ViewReading<V> {
	const view = {} as V;
	const ignored: string[] = [];
	const names = new Set<string>();
	for (const key of Object.keys(params) as (keyof V)[]) {
		const param = params[key];
		names.add(param.name);
		const texts = search.getAll(param.name);
		if (texts.length === 0) {
			view[key] = param.fallback;
			continue;
		}
		const reading = param.read(texts);
		view[key] = 'value' in reading ? reading.value : param.fallback;
		if (reading.ignored) ignored.push(reading.ignored);
	}
	const unknown = [...new Set([...search.keys()].filter((name) => !names.has(name)))];
	for (const name of unknown) ignored.push(`${quotedValue(name)} is not a setting of this page`);
	return { view, ignored };
}

/** The query string (with its "?", or "" for the default view) that reads back as this view. */
export function writeView<V>(params: ViewParams<V>, view: V): string {
	const search = new URLSearchParams();
	for (const key of Object.keys(params) as (keyof V)[]) {
		for (const text of params[key].write(view[key])) search.append(params[key].name, text);
	}
	const text = search.toString();
	return text ? `?${text}` : '';
}
