import { test as base, expect } from '@playwright/test';

/**
 * Every e2e test runs with this page: a request to any other origin is blocked and fails the test, and so does
 * any console error or uncaught exception.
 */
export const test = base.extend<{ pageProblems: string[]; expectedProblems: RegExp | null }>({
	/** Problems a test causes on purpose (e.g. blocking the wasm), which are then not failures. */
	expectedProblems: [null, { option: true }],
	pageProblems: [
		async ({ page, baseURL, expectedProblems }, use) => {
			const problems: string[] = [];
			const origin = new URL(baseURL!).origin;
			await page.route('**/*', (route) => {
				const url = route.request().url();
				if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
				problems.push(`request left the origin: ${url}`);
				return route.abort('blockedbyclient');
			});
			page.on('console', (message) => {
				if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
			});
			page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
			await use(problems);
			const unexpected = problems.filter((p) => !expectedProblems?.test(p));
			expect(unexpected, 'no foreign request, console error or uncaught exception').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
