import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The Content Security Policy every page carries (a <meta> tag: the build is static). Scripts, workers and
 * connections come from this origin only; no plugin, no <base>. SvelteKit adds the hash of its one inline boot
 * script. Two directives are wider than `default-src 'self'`, each for a stated reason:
 * - style-src 'unsafe-inline': Observable Plot writes a <style> element and style attributes into every chart,
 *   with contents no hash can foresee. Data never reach markup as HTML, so no one can inject a style either.
 * - img-src data: blob:: a chart saved as PNG is drawn from its SVG through a blob: image, and Plot's and the
 *   page's small icons are data: URLs.
 * @type {import('@sveltejs/kit').Config['kit']['csp']}
 */
const csp = {
	mode: 'hash',
	directives: {
		'default-src': ['self'],
		'script-src': ['self', 'wasm-unsafe-eval'],
		'worker-src': ['self', 'blob:'],
		'connect-src': ['self'],
		'style-src': ['self', 'unsafe-inline'],
		'img-src': ['self', 'data:', 'blob:'],
		'object-src': ['none'],
		'base-uri': ['none']
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		files: { assets: 'static' },
		// Registered by the app once the first chart is drawn (src/lib/offline/keepOffline.ts), not at start.
		serviceWorker: { register: false },
		csp
	}
};

export default config;
