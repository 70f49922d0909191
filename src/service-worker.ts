/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Keeps the app working without a connection: its code, the database engine, the demo data and its pages are
// kept in this browser's cache once, and served from there. Nothing else passes through here.
import { build, files, prerendered, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `outcomes-${version}`;
const ASSETS = new Set([...build, ...files, ...prerendered]);

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...ASSETS]))
			.then(() => worker.skipWaiting())
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
			.then(() => worker.clients.claim())
	);
});

/**
 * The app's files and pages from the cache, all of one version (a HEAD request gets the headers only); anything
 * else from the network, or from the cache when offline. A new version installs its own cache and drops the old.
 */
async function respond(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const path = new URL(request.url).pathname;
	if (ASSETS.has(path)) {
		const kept = await cache.match(path);
		if (kept) return request.method === 'HEAD' ? new Response(null, { status: kept.status, headers: kept.headers }) : kept;
	}
	try {
		return await fetch(request);
	} catch (error) {
		const kept = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(path));
		if (kept) return kept;
		throw error;
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if ((request.method !== 'GET' && request.method !== 'HEAD') || new URL(request.url).origin !== location.origin) return;
	event.respondWith(respond(request));
});
