import { CONDITION_LABELS } from './conditions';
import { ALL_CONDITIONS_RECODED_LABEL, CONDITION_GROUPS, RECODED_ALL } from './conditionGroups';
import { TECHNIQUE_LABELS } from './techniques';

/** A technique's label; an unknown code is shown as itself (as text, never markup). */
export function techniqueLabel(code: string): string {
	return (TECHNIQUE_LABELS as Record<string, string>)[code] ?? code;
}

/** A condition's label: a condition code, a condition group code or `all` (as a k-anonymous export recodes them). */
export function conditionLabel(code: string): string {
	if (code === RECODED_ALL) return ALL_CONDITIONS_RECODED_LABEL;
	const group = (CONDITION_GROUPS as Record<string, { label: string }>)[code];
	if (group) return `${group.label} (group)`;
	return (CONDITION_LABELS as Record<string, string>)[code] ?? code;
}

const CLINIC_LABELS: Record<string, string> = { north: 'North', central: 'Central', west: 'West' };

export function clinicLabel(code: string): string {
	return CLINIC_LABELS[code] ?? code;
}
