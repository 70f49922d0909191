import type { Page } from '@playwright/test';

/**
 * Where an import on the "Your data" page stands, as a person sees it. An e2e step that can end more than one way
 * waits for one of the states it allows, and fails at once with what it saw when the page settles on another.
 */
export type ImportState =
	| 'stopped' // "The import stopped." with its reason
	| 'identifying' // columns that identify people, to drop before mapping
	| 'verdict' // the check's result: rows that can be imported
	| 'mapping-problems' // the mapping step lists what to fix before the check
	| 'mapping' // the mapping step, ready to check
	| 'done' // rows imported
	| 'working' // a progress bar: reading, checking or importing
	| 'choose'; // no import under way: the file picker

function locators(page: Page): [ImportState, ReturnType<Page['locator']>][] {
	return [
		['stopped', page.getByRole('alert').filter({ hasText: 'The import stopped.' })],
		['identifying', page.getByRole('button', { name: /^Drop (this column|these columns)$/ })],
		['verdict', page.getByRole('heading', { name: /rows? can be imported/ })],
		['mapping-problems', page.getByRole('alert').filter({ hasText: 'Before the rows can be checked' })],
		['mapping', page.getByRole('button', { name: /^Check [\d,]+ rows?$/ })],
		['done', page.getByRole('heading', { name: /rows? imported/ })],
		['working', page.getByRole('progressbar')],
		['choose', page.getByLabel('Import data')]
	];
}

/** The state the page shows now (the first of the list that is visible), or 'unknown'. */
export async function importState(page: Page): Promise<ImportState | 'unknown'> {
	for (const [state, locator] of locators(page)) {
		if (await locator.first().isVisible()) return state;
	}
	return 'unknown';
}

/** A short account of the page for a failure message: the state and any alert's text. */
async function describePage(page: Page): Promise<string> {
	const alerts = await page.getByRole('alert').allTextContents();
	return alerts.length > 0 ? `alerts: ${alerts.map((a) => a.trim().replace(/\s+/g, ' ')).join(' | ')}` : 'no alert';
}

/**
 * Waits until the page has shown one of `allowed` for two looks in a row, and returns it. A state outside
 * `allowed` and `passing` (states the page goes through on its way, such as 'working') fails the step at once,
 * naming `label`, the state and the page's alerts; so does running past `timeout`.
 */
export async function settleImport(
	page: Page,
	label: string,
	allowed: readonly ImportState[],
	{ passing = ['working', 'choose', 'unknown'], timeout = 30_000 }: { passing?: readonly (ImportState | 'unknown')[]; timeout?: number } = {}
): Promise<ImportState> {
	const started = Date.now();
	let previous: ImportState | 'unknown' | undefined;
	let unexpectedSince: number | undefined;
	for (;;) {
		const state = await importState(page);
		if (allowed.includes(state as ImportState)) {
			if (state === previous) return state as ImportState;
			unexpectedSince = undefined;
		} else if (!passing.includes(state)) {
			// A state the step does not allow; it fails once the page has stayed there a moment, not on a flicker.
			unexpectedSince ??= Date.now();
			if (Date.now() - unexpectedSince > 1_500) {
				throw new Error(`${label}: expected ${allowed.join(' or ')}, the page shows "${state}" (${await describePage(page)})`);
			}
		} else {
			unexpectedSince = undefined;
		}
		if (Date.now() - started > timeout) {
			throw new Error(`${label}: expected ${allowed.join(' or ')} within ${timeout / 1000} s, the page shows "${state}" (${await describePage(page)})`);
		}
		previous = state;
		await page.waitForTimeout(250);
	}
}
