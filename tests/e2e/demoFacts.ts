/**
 * What the overview must show for the bundled demo data (seed 15), as a person reads it. The same numbers are
 * checked against the planted effects in tests/unit/demoEffects.test.ts.
 */
export const DEMO = {
	months: 24,
	all: {
		sessions: '15,366',
		clients: '1,900',
		// 15,054 sessions with both pain scores: each client's mean drop, then the mean over clients, 1.22.
		withinPainChange: '1.2 pts',
		// 637 of 1,508 courses with 2+ scored sessions starting at 2 or more.
		responderShare: '42%',
		painClients: '1,900',
		// November 2024, all techniques: mean pain before the session 4.98 over 56 clients (each client's mean).
		firstMonthPain: '5.0 (56)'
	},
	/** Sessions from January to March 2026, and from January 2026 on (counted in the CSV with awk). */
	firstQuarter2026: { sessions: '2,241' },
	from2026: { sessions: '7,436' },
	neckPain: {
		sessions: '2,096',
		painClients: '267'
	}
} as const;
/** Clients not on track in the demo data, pain, by the page's rule (tests/unit/onTrack/findsPlanted.test.ts checks the same). */
export const DEMO_NOT_ON_TRACK = { active6Weeks: 40, allTime: 83, plantedClient: 'C4X3DRY' } as const;
