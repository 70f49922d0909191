import type { BrowserContext } from '@playwright/test';

/** Holds the database engine's download until the returned function is called: the page meanwhile has only what it knew before. */
export async function holdEngine(context: BrowserContext): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await context.route(/duckdb-eh.*\.wasm$/, async (route) => {
		await released;
		await route.continue();
	});
	return release;
}
