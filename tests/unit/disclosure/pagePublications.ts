import type { ConditionsModel } from '$lib/conditions/conditionsAnalysis';
import type { Publication, Quantity, Relation } from '$lib/disclosure/audit';
import type { Overview } from '$lib/overview/overview';
import { ALL_TECHNIQUES, type ConditionClientsRow, type KpiRow } from '$lib/queries';
import type { DoseRow } from '$lib/queries/doseResponse';
import type { SessionCurveRow } from '$lib/queries/sessionCurves';
import type { TherapistOutcomes } from '$lib/queries/therapistOutcomes';
import type { TherapistAnalysis } from '$lib/therapists/therapistAnalysis';

/**
 * The conditions page as an attacker reads it: clients and the sums behind the mean scores at each session number,
 * by course technique and for all; the techniques of a session add up to its all-techniques point (one course
 * technique per client); the clients who stopped between two session numbers are a group too (the difference of two
 * counts); the dose buckets add up to the courses counted (and, with the clients who have a single score, to the
 * attendance at session 2).
 */
export function conditionsPublication(model: ConditionsModel, truth: { curves: SessionCurveRow[]; dose: DoseRow[] }): Publication {
	const quantities: Quantity[] = [];
	const relations: Relation[] = [];
	const shown = new Map(model.curves.filter((p) => !p.suppressed).map((p) => [`${p.session}|${p.technique}`, p]));
	const id = (session: number, technique: string, what: string) => `s${session}:${technique}.${what}`;
	const techniques = [...new Set(truth.curves.map((r) => r.technique))];
	const sessions = [...new Set(truth.curves.map((r) => r.session))].sort((a, b) => a - b);
	const at = (session: number, technique: string) => truth.curves.find((r) => r.session === session && r.technique === technique);
	for (const session of sessions) {
		for (const technique of techniques) {
			const row = at(session, technique);
			const point = shown.get(`${session}|${technique}`);
			quantities.push(
				{ id: id(session, technique, 'n'), published: point ? point.clients : row ? null : 0, restsOn: row?.clients ?? 0 },
				{ id: id(session, technique, 'sum'), published: point ? point.clients * point.mean : row ? null : 0, restsOn: row?.clients ?? 0 }
			);
		}
		const parts = techniques.filter((t) => t !== ALL_TECHNIQUES);
		if (techniques.includes(ALL_TECHNIQUES)) {
			for (const what of ['n', 'sum']) relations.push({ parts: parts.map((t) => id(session, t, what)), whole: id(session, ALL_TECHNIQUES, what) });
		}
	}
	for (const technique of techniques) {
		for (const [i, session] of sessions.slice(1).entries()) {
			const before = at(sessions[i], technique)?.clients ?? 0;
			const after = at(session, technique)?.clients ?? 0;
			const stopped = `stopped ${sessions[i]}-${session}:${technique}`;
			quantities.push({ id: stopped, published: null, restsOn: Math.abs(before - after) });
			relations.push({ parts: [id(session, technique, 'n'), stopped], whole: id(sessions[i], technique, 'n'), disjoint: false });
		}
	}
	const dose = new Map(model.dose.filter((p) => !p.suppressed).map((p) => [p.bucket, p]));
	const courses = truth.dose.reduce((sum, r) => sum + r.clients, 0);
	quantities.push({ id: 'courses', published: model.doseClients, restsOn: courses });
	for (const row of truth.dose) {
		const point = dose.get(row.bucket);
		quantities.push(
			{ id: `dose ${row.bucket}.n`, published: point ? point.clients : null, restsOn: row.clients },
			{ id: `dose ${row.bucket}.sum`, published: point ? point.clients * point.mean : null, restsOn: row.clients }
		);
	}
	relations.push({ parts: truth.dose.map((r) => `dose ${r.bucket}.n`), whole: 'courses' });
	if (sessions.includes(2) && techniques.includes(ALL_TECHNIQUES)) {
		const singleScore = (at(2, ALL_TECHNIQUES)?.clients ?? 0) - courses;
		quantities.push({ id: 'not in a dose bucket', published: null, restsOn: Math.abs(singleScore) });
		relations.push({ parts: ['courses', 'not in a dose bucket'], whole: id(2, ALL_TECHNIQUES, 'n'), disjoint: false });
	}
	return { name: `conditions ${model.condition ?? 'all'} ${model.measure.key}`, k: model.k, quantities, relations };
}

/**
 * The overview as an attacker reads it: the key figures (clients, courses, responders), clients by condition (adding
 * up to the clients when no chart pick narrows one but not the other) and each trend chart's sessions, which add up
 * over its months and techniques to the sessions it states.
 */
export function overviewPublication(overview: Overview, truth: { kpis: KpiRow; conditions: ConditionClientsRow[]; trends: { clients: number; sessions: number; rows: { month: string; technique: string; clients: number; sessions: number }[] }[] }): Publication {
	const { kpis } = overview;
	const quantities: Quantity[] = [
		{ id: 'clients', published: kpis.clients, restsOn: truth.kpis.clients },
		{ id: 'courses', published: kpis.courseClients, restsOn: truth.kpis.courseClients },
		{ id: 'responders', published: kpis.courseResponders, restsOn: truth.kpis.courseResponders },
		{ id: 'non-responders', published: kpis.courseClients !== null && kpis.courseResponders !== null ? kpis.courseClients - kpis.courseResponders : null, restsOn: truth.kpis.courseClients - truth.kpis.courseResponders },
		{ id: 'without a course', published: null, restsOn: truth.kpis.clients - truth.kpis.courseClients }
	];
	const relations: Relation[] = [
		{ parts: ['responders', 'non-responders'], whole: 'courses' },
		{ parts: ['courses', 'without a course'], whole: 'clients' }
	];
	const shownConditions = new Map(overview.conditions.filter((r) => !r.suppressed).map((r) => [r.condition, r.clients]));
	for (const row of truth.conditions) quantities.push({ id: `condition ${row.condition}`, published: shownConditions.get(row.condition) ?? null, restsOn: row.clients });
	if (JSON.stringify(overview.filters.conditions) === JSON.stringify(overview.filters.kpis)) {
		relations.push({ parts: truth.conditions.map((r) => `condition ${r.condition}`), whole: 'clients' });
	}
	overview.trends.forEach((trend, i) => {
		const raw = truth.trends[i];
		const shown = new Map(trend.rows.filter((r) => !r.suppressed).map((r) => [`${r.month}|${r.technique}`, r.sessions]));
		const sessions = `trend ${i} sessions`;
		quantities.push({ id: sessions, published: trend.sessions, restsOn: raw.clients });
		const point = (month: string, technique: string) => `trend ${i} ${month} ${technique}`;
		for (const row of raw.rows) quantities.push({ id: point(row.month, row.technique), published: shown.get(`${row.month}|${row.technique}`) ?? null, restsOn: row.clients });
		// A month's techniques add up to its all-techniques point (one technique per session), the months to the chart.
		const months = [...new Set(raw.rows.map((r) => r.month))];
		for (const month of months) {
			const techniques = raw.rows.filter((r) => r.month === month && r.technique !== ALL_TECHNIQUES);
			if (raw.rows.some((r) => r.month === month && r.technique === ALL_TECHNIQUES)) relations.push({ parts: techniques.map((r) => point(month, r.technique)), whole: point(month, ALL_TECHNIQUES) });
		}
		const alls = raw.rows.filter((r) => r.technique === ALL_TECHNIQUES);
		if (alls.length === months.length) relations.push({ parts: alls.map((r) => point(r.month, ALL_TECHNIQUES)), whole: sessions });
	});
	return { name: `overview ${JSON.stringify(overview.filter)}`, k: overview.k, quantities, relations };
}

/**
 * The therapists page as an attacker reads it: the clinic's clients and mean change, and each shown therapist's
 * clients and mean change; every client has one home therapist, so the therapists' clients and the sums behind their
 * means add up to the clinic's.
 */
export function therapistsPublication(analysis: TherapistAnalysis, truth: TherapistOutcomes): Publication {
	const shown = new Map(analysis.therapists.map((t) => [t.therapist, t]));
	const total = truth.therapists.reduce((sum, t) => sum + t.n, 0);
	const quantities: Quantity[] = [
		{ id: 'clients', published: analysis.clients, restsOn: total },
		{ id: 'sum', published: analysis.clients !== null && analysis.overall ? analysis.overall.mean * analysis.clients : null, restsOn: total }
	];
	for (const t of truth.therapists) {
		const s = shown.get(t.therapist);
		quantities.push(
			{ id: `${t.therapist}.n`, published: s ? s.n : null, restsOn: t.n },
			{ id: `${t.therapist}.sum`, published: s?.change ? s.n * s.change.mean : null, restsOn: t.n }
		);
	}
	const relations: Relation[] = [
		{ parts: truth.therapists.map((t) => `${t.therapist}.n`), whole: 'clients' },
		{ parts: truth.therapists.map((t) => `${t.therapist}.sum`), whole: 'sum' }
	];
	return { name: `therapists ${JSON.stringify(analysis.filter)}`, k: analysis.k, quantities, relations };
}
