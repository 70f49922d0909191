import { CONDITION_LABELS } from './conditions';
import { TECHNIQUE_LABELS } from './techniques';

/** A technique's label; an unknown code is shown as itself (as text, never markup). */
export function techniqueLabel(code: string): string {
	return (TECHNIQUE_LABELS as Record<string, string>)[code] ?? code;
}

export function conditionLabel(code: string): string {
	return (CONDITION_LABELS as Record<string, string>)[code] ?? code;
}

const CLINIC_LABELS: Record<string, string> = { north: 'North', central: 'Central', west: 'West' };

export function clinicLabel(code: string): string {
	return CLINIC_LABELS[code] ?? code;
}
