/**
 * What the overview must show for the bundled demo data (seed 40), as a person reads it. The same numbers are
 * checked against the planted effects in tests/unit/demoEffects.test.ts.
 */
export const DEMO = {
	months: 24,
	all: {
		sessions: '15,800',
		clients: '1,600',
		// 15,504 sessions with both pain scores, mean drop 1.27.
		withinPainChange: '1.3 pts',
		// 934 of 1,287 clients with 2+ sessions.
		responderShare: '73%',
		painClients: '1,600'
	},
	/** Sessions from January to March 2026, and from January 2026 on (counted in the CSV with awk). */
	firstQuarter2026: { sessions: '2,179' },
	from2026: { sessions: '7,517' },
	neckPain: {
		sessions: '2,334',
		painClients: '224'
	}
} as const;
