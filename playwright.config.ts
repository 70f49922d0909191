import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.js';

const port = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	timeout: 60_000,
	expect: { timeout: 20_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
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
