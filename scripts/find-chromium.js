// Finds a Chromium for the end-to-end tests: an explicit path, the system's Chromium, or Playwright's own.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The executable to launch, or undefined to let Playwright use the browser it installed. */
export function findChromium() {
	const explicit = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
	if (explicit) {
		if (!existsSync(explicit)) throw new Error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH=${explicit} does not exist`);
		return explicit;
	}
	return CANDIDATES.find((path) => existsSync(path));
}
