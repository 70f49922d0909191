import { z } from 'zod';

// Zod compiles object schemas with `new Function` unless told not to; the page's Content Security Policy forbids
// eval, and even zod's probe for it is reported as a violation. Every schema imports zod from here.
z.config({ jitless: true });

export { z };
