import { z } from './zod';
import { INSTRUMENT_CODES, instrument } from '$lib/domain/instruments';
import { ROM_MOVEMENT_CODES } from '$lib/domain/romMovements';
import { column } from './column';
import { pseudonymousId } from './ids';

export const TIMEPOINTS = ['pre', 'post', 'intake', 'discharge'] as const;
export const SIDES = ['left', 'right', 'bilateral'] as const;

/** One score, in long form: a session's instrument at a timepoint. */
export const Measurement = z
	.object({
		session_id: column(pseudonymousId('session_id'), 'VARCHAR', 'The session measured (sessions.session_id)'),
		instrument: column(z.enum(INSTRUMENT_CODES, { error: 'instrument is not a known instrument code' }), 'VARCHAR', 'Instrument code (see Instruments)'),
		timepoint: column(z.enum(TIMEPOINTS, { error: 'timepoint must be pre, post, intake or discharge' }), 'VARCHAR', 'pre/post: same visit; intake/discharge: start and end of the course'),
		value: column(z.number({ error: 'value must be a number' }).finite(), 'DOUBLE', "The score in the instrument's own units"),
		rom_movement: column(z.enum(ROM_MOVEMENT_CODES, { error: 'rom_movement is not a known movement' }).nullable(), 'VARCHAR', 'For range of motion: the movement measured'),
		side: column(z.enum(SIDES, { error: 'side must be left, right or bilateral' }).nullable(), 'VARCHAR', 'For range of motion: the side measured')
	})
	.superRefine((m, ctx) => {
		const def = instrument(m.instrument);
		if (m.value < def.min || m.value > def.max) {
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				input: m.value,
				message: `value ${m.value} is outside ${def.label}'s range ${def.min}-${def.max}`
			});
		}
		if (m.instrument === 'rom' && m.rom_movement === null) {
			ctx.addIssue({ code: 'custom', path: ['rom_movement'], input: null, message: 'rom_movement is required for range of motion' });
		}
		if (m.instrument === 'rom' && m.side === null) {
			ctx.addIssue({ code: 'custom', path: ['side'], input: null, message: 'side is required for range of motion (left, right or bilateral)' });
		}
		if (m.instrument !== 'rom' && m.rom_movement !== null) {
			ctx.addIssue({ code: 'custom', path: ['rom_movement'], input: m.rom_movement, message: `rom_movement is only for range of motion, not ${m.instrument}` });
		}
	});

export type Measurement = z.infer<typeof Measurement>;
