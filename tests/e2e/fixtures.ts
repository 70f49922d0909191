import { test as base, expect, type Page } from '@playwright/test';

/** The prefix of the console error that reports a Content Security Policy violation (see the init script below). */
const CSP_VIOLATION = 'CSP violation';

/**
 * Every e2e test runs with this page: a request to any other origin (from the page or its workers) is blocked and
 * fails the test, and so does any Content Security Policy violation, console error, uncaught exception, or
 * alert/prompt dialog (the only dialogs the app opens are its own confirmations, which tests answer themselves).
 */
export const test = base.extend<{ pageProblems: string[]; expectedProblems: RegExp | null }>({
	/** Problems a test causes on purpose (e.g. blocking the wasm), which are then not failures. */
	expectedProblems: [null, { option: true }],
	pageProblems: [
		async ({ page, context, baseURL, expectedProblems }, use) => {
			const problems: string[] = [];
			const origin = new URL(baseURL!).origin;
			await context.route('**/*', (route) => {
				const url = route.request().url();
				if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
				problems.push(`request left the origin: ${url}`);
				return route.abort('blockedbyclient');
			});
			await context.addInitScript((prefix) => {
				document.addEventListener('securitypolicyviolation', (e) => {
					console.error(`${prefix}: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
				});
			}, CSP_VIOLATION);
			// Every page of the test, the first and any it opens.
			const watch = (watched: Page) => {
				watched.on('console', (message) => {
					if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
				});
				watched.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
				watched.on('dialog', async (dialog) => {
					if (dialog.type() === 'confirm') return;
					problems.push(`${dialog.type()} dialog: ${dialog.message()}`);
					await dialog.dismiss();
				});
			};
			watch(page);
			context.on('page', watch);
			await use(problems);
			const unexpected = problems.filter((p) => !expectedProblems?.test(p));
			expect(unexpected, 'no foreign request, CSP violation, console error, uncaught exception or dialog').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
