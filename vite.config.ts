import { sveltekit } from '@sveltejs/kit/vite';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// duckdb-wasm ships its own worker and wasm: keep them as files served from this origin.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	resolve: {
		alias: {
			// The statistics library's probe for generators uses eval, which the Content Security Policy forbids.
			'@stdlib/assert-has-generator-support': fileURLToPath(new URL('src/lib/stats/hasGeneratorSupport.cjs', import.meta.url))
		}
	},
	build: { assetsInlineLimit: 0, chunkSizeWarningLimit: 2000 },
	server: { port: 5173, strictPort: false },
	preview: { port: 4173, strictPort: false },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// One test file per core. The fuzz test's child processes take the cores minus one (at least one), so while
		// it runs its children and the other files share the machine rather than crowd it (tests/unit/fuzz).
		maxWorkers: availableParallelism(),
		testTimeout: 60_000,
		// Opening a database takes seconds on a busy machine: a hook waits as long as a test.
		hookTimeout: 60_000
	}
});
