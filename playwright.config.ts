import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.js';

const port = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	// A test's whole budget, for a machine that is busy with other work too; a step that can end more than one way
	// waits for the state it expects and fails as soon as the page shows another (tests/e2e/importState.ts).
	timeout: 120_000,
	expect: { timeout: 20_000 },
	// Test files run side by side, one browser per core (at most four): each test has its own browser context, so its
	// own storage. Tests within a file run in order unless the file says otherwise. E2E_WORKERS overrides.
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS ?? Math.max(1, Math.min(4, availableParallelism()))),
	// In CI a failed test runs once more and, if it then passes, is reported as flaky in the log, not hidden.
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	webServer: {
		command: `node scripts/serve.js --port ${port}`,
		url: `http://localhost:${port}/`,
		reuseExistingServer: false,
		timeout: 60_000
	},
	use: {
		baseURL: `http://localhost:${port}/`,
		browserName: 'chromium',
		// The offline copy (a service worker) would fill each test's fresh browser with the engine again; the
		// offline tests allow it.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: findChromium(),
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	}
});
