/**
 * Range of motion as % of the movement's normal range (AAOS-style tables in the movement table): measured degrees /
 * normal degrees × 100, so 90° of 180° shoulder flexion is 50%. The one place it is written; `normal` is the column
 * holding the movement's normal degrees.
 */
export function percentOfNormalSql(degrees: string, normal = 'normal_degrees'): string {
	return `100 * (${degrees}) / ${normal}`;
}
