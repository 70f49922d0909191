import { z } from 'zod';

/**
 * A pseudonymous id: letters, digits, '-' and '_' only, at most 32 characters. Spaces, '@' and dots are refused
 * so that names, emails and phone numbers cannot pass as ids.
 */
export function pseudonymousId(what: string) {
	return z
		.string({ error: `${what} is required` })
		.regex(/^[A-Za-z0-9_-]{1,32}$/, { error: `${what} must be a pseudonymous code (letters, digits, - or _, at most 32)` });
}
