/** The pseudonymous id rule of src/lib/schema/ids.ts: letters, digits, '-' and '_', at most 32 characters. */
const PSEUDONYMOUS = /^[A-Za-z0-9_-]{1,32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** FNV-1a over the text with a given offset basis, as 8 hex digits. */
function fnv1a(text: string, basis: number): string {
	let hash = basis;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A key an adapter builds from a source's own ids (REDCap record-event-instance, a FHIR resource id), made to pass
 * as a pseudonymous id: kept as it is when it already does, a UUID without its hyphens (32 hex digits), otherwise
 * its allowed characters (at most 15) and a 16-digit hash of the whole, so different keys stay different.
 */
export function pseudonymousKey(raw: string): string {
	if (PSEUDONYMOUS.test(raw)) return raw;
	if (UUID.test(raw)) return raw.replaceAll('-', '').toLowerCase();
	const kept = raw.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 15);
	return `${kept}-${fnv1a(raw, 0x811c9dc5)}${fnv1a(raw, 0x01000193)}`;
}
