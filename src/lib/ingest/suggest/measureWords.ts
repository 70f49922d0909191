import { ROM_MOVEMENT_CODES } from '$lib/domain/romMovements';
import type { SIDES, TIMEPOINTS } from '$lib/schema/measurement';

export type Timepoint = (typeof TIMEPOINTS)[number];
export type Side = (typeof SIDES)[number];

/** What the words of a header or a value say about a score. */
export interface MeasureWords {
	instrument: string | null;
	timepoint: Timepoint | null;
	rom_movement: string | null;
	side: Side | null;
}

export const TIMEPOINT_WORDS: Readonly<Record<string, Timepoint>> = {
	pre: 'pre', before: 'pre', prior: 'pre', start: 'pre', beginning: 'pre', begin: 'pre', pretreatment: 'pre',
	post: 'post', after: 'post', end: 'post', following: 'post', posttreatment: 'post',
	intake: 'intake', baseline: 'intake', initial: 'intake', first: 'intake', admission: 'intake', entry: 'intake',
	discharge: 'discharge', final: 'discharge', last: 'discharge', exit: 'discharge', dc: 'discharge'
};

export const SIDE_WORDS: Readonly<Record<string, Side>> = {
	left: 'left', l: 'left', lt: 'left',
	right: 'right', r: 'right', rt: 'right',
	bilateral: 'bilateral', both: 'bilateral', bilat: 'bilateral', bil: 'bilateral'
};

/** Words that say nothing about which score it is. */
const FILLER = new Set([
	'score', 'scores', 'rating', 'rated', 'rate', 'level', 'scale', 'intensity', 'quality', 'index', 'questionnaire',
	'total', 'treatment', 'session', 'visit', 'massage', 'appointment', 'assessment', 'the', 'of', 'at', 'in', 'on',
	'self', 'reported', 'measure', 'measurement', 'outcome', 'deg', 'degrees'
]);

interface InstrumentRule {
	code: string;
	/** Any one of these words names the instrument... */
	any: string[];
	/** ...or all of these together. */
	all?: string[];
	/** Words the instrument accounts for. */
	consumes: string[];
}

/** In order: the first rule that fits wins, and a word no rule accounts for makes the whole text unknown. */
const INSTRUMENT_RULES: readonly InstrumentRule[] = [
	{ code: 'psqi', any: ['psqi', 'pittsburgh'], consumes: ['psqi', 'pittsburgh', 'sleep'] },
	{ code: 'pss10', any: ['pss', 'perceived'], consumes: ['pss', 'perceived', 'stress'] },
	{ code: 'ndi', any: ['ndi'], all: ['neck', 'disability'], consumes: ['ndi', 'neck', 'disability'] },
	{ code: 'odi', any: ['odi', 'oswestry'], consumes: ['odi', 'oswestry', 'disability', 'low', 'back', 'pain'] },
	{ code: 'psfs', any: ['psfs'], all: ['patient', 'specific', 'functional'], consumes: ['psfs', 'patient', 'specific', 'functional'] },
	{ code: 'pain_vas', any: ['vas', 'visual', 'analogue', 'analog'], consumes: ['vas', 'visual', 'analogue', 'analog', 'pain'] },
	{ code: 'stress_nrs', any: ['stress'], consumes: ['stress', 'nrs', 'numeric', 'numerical'] },
	{ code: 'sleep_nrs', any: ['sleep', 'sqs'], consumes: ['sleep', 'sqs', 'nrs', 'numeric', 'numerical'] },
	// 72514-3 is the LOINC code of pain severity 0-10 (FHIR Observation).
	{ code: 'pain_nrs', any: ['pain', 'nprs', 'nrs', '72514'], consumes: ['pain', 'nprs', 'nrs', 'numeric', 'numerical', '72514'] },
	{ code: 'rom', any: ['rom'], all: ['range', 'motion'], consumes: ['rom', 'range', 'motion'] }
];

const REGION_WORDS: Readonly<Record<string, string>> = {
	shoulder: 'shoulder', shoulders: 'shoulder', hip: 'hip', hips: 'hip', cervical: 'cervical', neck: 'cervical',
	lumbar: 'lumbar', trunk: 'lumbar', thoracolumbar: 'lumbar'
};

const MOTIONS: readonly { motion: string; when: (has: (w: string) => boolean) => boolean; words: string[] }[] = [
	{ motion: 'external_rotation', when: (h) => h('er') || (h('external') && (h('rotation') || h('rot'))), words: ['er', 'external', 'rotation', 'rot'] },
	{ motion: 'internal_rotation', when: (h) => h('ir') || (h('internal') && (h('rotation') || h('rot'))), words: ['ir', 'internal', 'rotation', 'rot'] },
	{
		motion: 'lateral_flexion',
		when: (h) => h('sidebending') || ((h('lateral') || h('lat') || h('side')) && (h('flexion') || h('flex') || h('bending') || h('bend'))),
		words: ['sidebending', 'lateral', 'lat', 'side', 'flexion', 'flex', 'bending', 'bend']
	},
	{ motion: 'flexion', when: (h) => h('flexion') || h('flex'), words: ['flexion', 'flex'] },
	{ motion: 'extension', when: (h) => h('extension') || h('ext'), words: ['extension', 'ext'] },
	{ motion: 'abduction', when: (h) => h('abduction') || h('abd'), words: ['abduction', 'abd'] },
	{ motion: 'rotation', when: (h) => h('rotation') || h('rot'), words: ['rotation', 'rot'] }
];

const MOTION_WORDS = new Set(MOTIONS.flatMap((m) => m.words));

/** The movement named by region and motion words not already used, or 'invalid' when they do not make one. */
function readMovement(ws: string[], used: Set<string>): string | null | 'invalid' {
	const free = ws.filter((w) => !used.has(w));
	const regions = new Set(free.filter((w) => w in REGION_WORDS).map((w) => REGION_WORDS[w]));
	const motionWords = free.filter((w) => MOTION_WORDS.has(w));
	if (regions.size === 0 && motionWords.length === 0) return null;
	if (regions.size !== 1 || motionWords.length === 0) return 'invalid';
	const has = (w: string) => motionWords.includes(w);
	const found = MOTIONS.find((m) => m.when(has));
	if (!found || !motionWords.every((w) => found.words.includes(w))) return 'invalid';
	const code = `${[...regions][0]}_${found.motion}`;
	if (!ROM_MOVEMENT_CODES.includes(code)) return 'invalid';
	for (const w of free) if (w in REGION_WORDS || MOTION_WORDS.has(w)) used.add(w);
	return code;
}

function single<T>(values: T[]): T | null | 'conflict' {
	const distinct = new Set(values);
	if (distinct.size > 1) return 'conflict';
	return distinct.size === 1 ? values[0] : null;
}

/**
 * Reads an instrument, a timepoint, a range-of-motion movement and a side from words ("pain before" →
 * pain_nrs, pre). Null when any word is not understood or two words disagree, so an unknown text never
 * becomes a score by accident; a PSS other than the 10-item version is never read as pss10.
 */
export function readMeasureWords(ws: string[]): MeasureWords | null {
	if (ws.length === 0) return null;
	const has = (w: string) => ws.includes(w);
	const used = new Set<string>();
	const rule = INSTRUMENT_RULES.find((r) => r.any.some(has) || (r.all !== undefined && r.all.every(has)));
	let instrument = rule?.code ?? null;
	rule?.consumes.forEach((w) => used.add(w));
	if (instrument === 'pss10' && ws.some((w) => /^\d+$/.test(w) && w !== '10')) return null;
	const timepoint = single(ws.filter((w) => w in TIMEPOINT_WORDS).map((w) => TIMEPOINT_WORDS[w]));
	const side = single(ws.filter((w) => w in SIDE_WORDS && !used.has(w)).map((w) => SIDE_WORDS[w]));
	if (timepoint === 'conflict' || side === 'conflict') return null;
	const movement = readMovement(ws, used);
	if (movement === 'invalid') return null;
	if ((movement !== null || side !== null) && instrument !== null && instrument !== 'rom') return null;
	if (movement !== null) instrument = 'rom';
	const known = (w: string) => used.has(w) || FILLER.has(w) || /^\d+$/.test(w) || w in TIMEPOINT_WORDS || w in SIDE_WORDS;
	if (!ws.every(known)) return null;
	return { instrument, timepoint, rom_movement: movement, side };
}
