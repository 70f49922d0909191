import { untrack } from 'svelte';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { readView, writeView, type ViewParams } from './viewParams';

export interface UrlViewOptions<V> {
	params: ViewParams<V>;
	/** The page's view now (read in an effect, so every field it reads is tracked). */
	get: () => V;
	/** Puts a view read from the URL into the page's controls. */
	set: (view: V) => void;
	/** Whether the page can check values yet (its options come from the data); the URL is read only then. */
	ready: () => boolean;
}

/**
 * Keeps a page's view in its URL, both ways: a link opens the view it was copied from, each change is a history
 * entry so back and forward step through views, and what a link holds that the page cannot use is ignored and
 * listed in `ignored` (the page shows it as a notice). Create it while the page's component is initialised.
 */
export class UrlView<V> {
	/** Why parts of the URL last read were ignored; empty when it was used whole. */
	ignored = $state<string[]>([]);
	/** The URL has been read once: until then the page's defaults must not overwrite a link. */
	#read = false;
	/** The query string the URL has or is being given: a view that writes as this needs no navigation. */
	#target = '';
	/** Query strings this page is navigating to: reading them back would undo a newer change. */
	readonly #pending = new Set<string>();

	constructor(options: UrlViewOptions<V>) {
		const { params, get, set, ready } = options;

		$effect(() => {
			const search = page.url.search;
			if (!ready()) return;
			untrack(() => {
				if (this.#pending.has(search)) return;
				const reading = readView(params, page.url.searchParams);
				this.ignored = reading.ignored;
				set(reading.view);
				this.#read = true;
				this.#target = writeView(params, reading.view);
				// A URL with something ignored (or written differently) is corrected in place, not as a new entry.
				if (this.#target !== search) this.#navigate(this.#target, true);
			});
		});

		$effect(() => {
			const search = writeView(params, get());
			untrack(() => {
				if (!this.#read || search === this.#target) return;
				this.#target = search;
				this.#navigate(search, false);
			});
		});
	}

	#navigate(search: string, replaceState: boolean): void {
		this.#pending.add(search);
		const url = `${page.url.pathname}${search}${page.url.hash}`;
		void goto(url, { keepFocus: true, noScroll: true, replaceState }).finally(() => this.#pending.delete(search));
	}

	dismiss(): void {
		this.ignored = [];
	}
}
