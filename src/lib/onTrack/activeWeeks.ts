/** The weeks "clients seen" can look back from the data's last session; null: every client. */
export const ACTIVE_WEEKS = [4, 6, 8, 12, null] as const;

/** A choice of the select as the page keeps it: weeks as text, 'any' for every client. */
export const weeksValue = (weeks: number | null) => (weeks === null ? 'any' : String(weeks));
