import type { Condition } from './conditions';

/**
 * The condition groups a k-anonymous export may recode a client's condition to (the middle level of the condition
 * hierarchy, between the condition code and `all`). Grouped by what brings a client to massage therapy: pain of
 * the musculoskeletal system, recovery from an injury or an operation, headache, mental health and sleep,
 * pregnancy, and the rest. A group's code is never a condition code, so a value says which level it is at.
 */
export const CONDITION_GROUPS = {
	musculoskeletal_pain: {
		label: 'Musculoskeletal pain',
		conditions: ['chronic_low_back_pain', 'neck_pain', 'shoulder', 'fibromyalgia', 'osteoarthritis', 'repetitive_strain']
	},
	injury_recovery: { label: 'Injury and surgery recovery', conditions: ['sports_injury', 'mva_injury', 'post_surgical'] },
	headache: { label: 'Headache', conditions: ['tension_headache'] },
	mental_health_sleep: { label: 'Mental health and sleep', conditions: ['anxiety_stress', 'insomnia'] },
	pregnancy: { label: 'Pregnancy', conditions: ['prenatal'] },
	systemic_other: { label: 'Systemic and other', conditions: ['hypertension', 'general_wellness', 'other'] }
} as const satisfies Record<string, { label: string; conditions: readonly Condition[] }>;

export type ConditionGroup = keyof typeof CONDITION_GROUPS;

export const CONDITION_GROUP_CODES = Object.keys(CONDITION_GROUPS) as ConditionGroup[];

const GROUP_OF = new Map<string, ConditionGroup>(
	Object.entries(CONDITION_GROUPS).flatMap(([group, g]) => g.conditions.map((c) => [c, group as ConditionGroup] as const))
);

/** The group a condition code belongs to; a code outside the controlled list is in `systemic_other`. */
export function conditionGroup(condition: string): ConditionGroup {
	return GROUP_OF.get(condition) ?? 'systemic_other';
}

/** The value a recoded quasi-identifier (condition, age band, sex) takes at the top of its hierarchy: any. */
export const RECODED_ALL = 'all';

/** How a condition recoded to `all` reads on the pages. */
export const ALL_CONDITIONS_RECODED_LABEL = 'All conditions (recoded)';
