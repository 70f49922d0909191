import type { Publication, Quantity, Relation } from '$lib/disclosure/audit';
import type { ClinicReport, ReportGroup, ReportOutcomes } from '$lib/report/reportModel';
import type { ReportGroupRow, ReportVolumeRow } from '$lib/report/reportQueries';

/** What the report was built from, for the audit's ground truth (how many clients each hidden number rests on). */
export interface ReportTruth {
	total: ReportGroupRow;
	conditions: ReportGroupRow[];
	techniques: ReportGroupRow[];
	volume: ReportVolumeRow[];
	newClients: number;
}

/**
 * The quantities of one group as the report publishes them: clients, sessions, the sums behind the two mean changes
 * with their n, responders and non-responders. A number is published only where the report shows it, exactly as a
 * reader could take it (a mean times its stated n gives the sum).
 */
function groupQuantities(prefix: string, shown: ReportOutcomes | undefined, truth: ReportGroupRow): Quantity[] {
	const q = (name: string, published: number | null | undefined, restsOn: number): Quantity => ({ id: `${prefix}.${name}`, published: published ?? null, restsOn });
	const withinN = shown?.within ? shown.withinN : null;
	const courseN = shown?.course ? shown.courseN : null;
	const rate = shown?.responders ?? null;
	return [
		q('clients', shown?.clients, truth.clients),
		q('sessions', shown?.sessions, truth.clients),
		q('withinN', withinN, truth.withinClients),
		q('withinSum', withinN !== null && shown?.within ? shown.within.mean * withinN : null, truth.withinClients),
		q('courseN', courseN, truth.courseClients),
		q('courseSum', courseN !== null && shown?.course ? shown.course.mean * courseN : null, truth.courseClients),
		q('responders', rate ? rate.successes : null, truth.courseResponders),
		q('nonResponders', rate ? rate.n - rate.successes : null, truth.responderEligible - truth.courseResponders)
	];
}

/** One table of the report against the period's total: the relations that hold exactly for its grouping. */
function tablePublication(report: ClinicReport, name: 'conditions' | 'techniques', truth: ReportTruth): Publication {
	const shownRows = new Map<string, ReportGroup>(report[name].rows.map((r) => [r.code, r]));
	const rows = truth[name];
	const quantities = [
		...groupQuantities('total', report.totals ?? undefined, truth.total),
		...rows.flatMap((row) => groupQuantities(`${name}:${row.group}`, shownRows.get(row.group), row))
	];
	// Each session has one technique and each client one condition and one course (counted under its course
	// technique): these columns add up to the total exactly. A client's within-session mean is per technique, so the
	// techniques' within-session columns and client counts overlap and give no equation.
	const exact =
		name === 'conditions'
			? ['clients', 'sessions', 'withinN', 'withinSum', 'courseN', 'courseSum', 'responders', 'nonResponders']
			: ['sessions', 'courseN', 'courseSum', 'responders', 'nonResponders'];
	const relations: Relation[] = exact.map((figure) => ({ parts: rows.map((row) => `${name}:${row.group}.${figure}`), whole: `total.${figure}` }));
	return { name: `report ${report.period.key} ${name}`, k: report.k, quantities, relations };
}

function volumePublication(report: ClinicReport, truth: ReportTruth): Publication {
	const bars = new Map(report.volume.bars.map((b) => [b.start, b.sessions]));
	const quantities: Quantity[] = [
		{ id: 'total.sessions', published: report.totals?.sessions ?? null, restsOn: truth.total.clients },
		...truth.volume.map((row) => ({ id: `volume:${row.start}`, published: bars.get(row.start) ?? null, restsOn: row.clients }))
	];
	return {
		name: `report ${report.period.key} volume`,
		k: report.k,
		quantities,
		relations: [{ parts: truth.volume.map((row) => `volume:${row.start}`), whole: 'total.sessions' }]
	};
}

function newClientsPublication(report: ClinicReport, truth: ReportTruth): Publication {
	return {
		name: `report ${report.period.key} new clients`,
		k: report.k,
		quantities: [
			{ id: 'total.clients', published: report.totals?.clients ?? null, restsOn: truth.total.clients },
			{ id: 'new', published: report.newClients, restsOn: truth.newClients },
			{ id: 'returning', published: null, restsOn: truth.total.clients - truth.newClients }
		],
		relations: [{ parts: ['new', 'returning'], whole: 'total.clients' }]
	};
}

/** Every table of the report, each as a publication of its own (attack a); `together` reads them as one (attack b). */
export function reportPublications(report: ClinicReport, truth: ReportTruth): Publication[] {
	return [
		tablePublication(report, 'conditions', truth),
		tablePublication(report, 'techniques', truth),
		volumePublication(report, truth),
		newClientsPublication(report, truth)
	];
}
