import { z } from './zod';

/** The rule a pseudonymous id follows, shared by zod here and by the import's SQL check of large id columns. */
export const PSEUDONYMOUS_ID_PATTERN = '^[A-Za-z0-9_-]{1,32}$';

/** What a person reads when an id breaks the rule. */
export function pseudonymousIdMessage(what: string): string {
	return `${what} must be a pseudonymous code (letters, digits, - or _, at most 32)`;
}

/**
 * A pseudonymous id: letters, digits, '-' and '_' only, at most 32 characters. Spaces, '@' and dots are refused
 * so that names, emails and phone numbers cannot pass as ids.
 */
export function pseudonymousId(what: string) {
	return z
		.string({ error: `${what} is required` })
		.regex(new RegExp(PSEUDONYMOUS_ID_PATTERN), { error: pseudonymousIdMessage(what) });
}
