import { INSTRUMENTS } from '$lib/domain/instruments';
import { TIMEPOINTS } from '$lib/schema/measurement';
import type { TextTable } from '../textTable';
import { readNdjson, type ReadResource } from './fhirNdjson';
import {
	list,
	type ConditionResource,
	type EncounterResource,
	type ObservationResource,
	type ProcedureResource,
	type QuestionnaireItem,
	type QuestionnaireResponseResource,
	type Reference,
	type ValueHolder
} from './fhirResources';
import { conceptName, instrumentOfConcept, instrumentOfLinkId, type Concept } from './fhirScores';
import { pseudonymousKey } from './pseudonymousKey';

export { looksLikeFhir } from './fhirNdjson';

/** The columns an adapted FHIR export has: one row per score, the session's fields repeated (the long layout). */
export const FHIR_HEADERS = [
	'patient',
	'encounter',
	'date',
	'practitioner',
	'organization',
	'technique',
	'other_techniques',
	'condition',
	'instrument',
	'timepoint',
	'value'
] as const;

const HEADER_LABELS: Record<(typeof FHIR_HEADERS)[number], string> = {
	patient: 'Patient (id of the Patient resource)',
	encounter: 'Encounter (the session)',
	date: 'Encounter start date',
	practitioner: 'Practitioner (id of the Encounter participant)',
	organization: 'Organization (the Encounter service provider)',
	technique: 'Technique (first Procedure of the Encounter, else Encounter type)',
	other_techniques: 'Other techniques (further Procedures, separated by ;)',
	condition: "Condition (the patient's earliest recorded)",
	instrument: 'Instrument',
	timepoint: 'Timepoint',
	value: 'Score'
};

type Timepoint = (typeof TIMEPOINTS)[number];

/** One score found in an Observation or a QuestionnaireResponse item. */
interface Score {
	patient: string | null;
	encounter: string | null;
	instrument: string;
	/** Given by the source (a linkId such as "stress-pre"), or null for the order rule. */
	timepoint: Timepoint | null;
	value: number;
	/** When it was taken, in ms, or null. */
	time: number | null;
	/** Its date as written (YYYY-MM-DD), for a score whose encounter is not in the export. */
	date: string | null;
	order: number;
}

interface EncounterFacts {
	patient: string | null;
	date: string | null;
	practitioner: string | null;
	organization: string | null;
	typeTechnique: string | null;
}

/** The id part of a reference: "Patient/p123", "https://server/fhir/Patient/p123/_history/2" and "urn:uuid:…" give the id. */
export function referenceId(ref: Reference | undefined, type?: string): string | null {
	const text = typeof ref?.reference === 'string' ? ref.reference.trim() : '';
	if (!text) return null;
	if (text.startsWith('urn:uuid:')) return text.slice('urn:uuid:'.length);
	const parts = text.replace(/\/_history\/[^/]+$/, '').split('/');
	if (parts.length < 2) return null;
	if (type && parts[parts.length - 2] !== type) return null;
	return parts[parts.length - 1] || null;
}

function keyOf(ref: Reference | undefined, type?: string): string | null {
	const id = referenceId(ref, type);
	return id === null ? null : pseudonymousKey(id);
}

/** A concept as a person reads it: a SNOMED display first, then any display, the text, or a code. */
function conceptText(concept: Concept | undefined): string | null {
	const codings = [...list(concept?.coding)].sort((a, b) => Number(b.system === 'http://snomed.info/sct') - Number(a.system === 'http://snomed.info/sct'));
	return codings.find((c) => c.display)?.display ?? concept?.text ?? codings.find((c) => c.code)?.code ?? null;
}

function timeOf(...values: unknown[]): number | null {
	for (const v of values) {
		if (typeof v === 'string') {
			const ms = Date.parse(v);
			if (!Number.isNaN(ms)) return ms;
		}
	}
	return null;
}

function dateOf(value: unknown): string | null {
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** A numeric answer or observation value: valueQuantity.value, valueInteger or valueDecimal. */
function numberOf(holder: ValueHolder): number | null {
	const quantity = holder.valueQuantity as { value?: unknown } | undefined;
	for (const v of [quantity?.value, holder.valueInteger, holder.valueDecimal]) if (typeof v === 'number' && Number.isFinite(v)) return v;
	return null;
}

const VOID = new Set(['entered-in-error', 'cancelled']);

type Skippable = 'Observation' | 'QuestionnaireResponse' | 'QuestionnaireResponse item';

/** What was skipped and why, counted: "4 Observations with LOINC 8867-4 skipped: …". */
class Tally {
	private readonly counts = new Map<string, { what: Skippable; rest: string; n: number }>();
	add(what: Skippable, rest: string) {
		const key = `${what} ${rest}`;
		const known = this.counts.get(key) ?? { what, rest, n: 0 };
		this.counts.set(key, { ...known, n: known.n + 1 });
	}
	notes(): string[] {
		return [...this.counts.values()].map(({ what, rest, n }) => `${n} ${n === 1 ? what : `${what}s`} ${rest}`);
	}
}

/** Adds a value to the list under a key. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const known = map.get(key);
	if (known) known.push(value);
	else map.set(key, [value]);
}

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** Items of a QuestionnaireResponse, nested groups and answers' items included. */
function leafItems(items: QuestionnaireItem[] | undefined): QuestionnaireItem[] {
	return list(items).flatMap((item) => [item, ...leafItems(item.item), ...list(item.answer).flatMap((a) => leafItems(a.item))]);
}

/**
 * Turns a FHIR R4 Bulk Data export (NDJSON, one file per resource type or one mixed file) into one row per score:
 * - Patient: only its id, through references; names, birth dates, addresses and contact details are never read.
 * - Encounter: the session: period.start → date, the first Practitioner participant → practitioner,
 *   serviceProvider → organization, type (else serviceType) → technique when it has no Procedure.
 * - Procedure: its code → technique; several in one encounter: the earliest is the technique, the rest
 *   other_techniques.
 * - Condition: the patient's earliest recorded one → condition.
 * - Observation: LOINC 72514-3 → pain_nrs; a code or code.text naming an instrument ("Stress (0-10)") → that
 *   instrument; valueQuantity.value, valueInteger.
 * - QuestionnaireResponse: an item whose linkId names an instrument, with or without a timepoint ("stress-pre").
 * Timepoint rule, where the source gives none: the scores of one instrument in one encounter, ordered by their time
 * (effective[x] or authored, then file order), the first is "pre" and the last is "post"; a single one is "pre";
 * any between are left out. References are reduced to their id, made pseudonymous keys (a UUID loses its hyphens).
 */
export function adaptFhir(files: readonly { name: string; text: string }[]): TextTable {
	const resources = readNdjson(files);
	const byType = new Map<string, ReadResource[]>();
	for (const r of resources) push(byType, r.resource.resourceType, r);
	const of = <T>(type: string) => (byType.get(type) ?? []).map((r) => ({ order: r.order, res: r.resource as T }));
	const skipped = new Tally();

	const encounters = new Map<string, EncounterFacts>();
	for (const { res } of of<EncounterResource>('Encounter')) {
		if (!res.id || VOID.has(res.status ?? '')) continue;
		const participant = list(res.participant).find((p) => referenceId(p.individual, 'Practitioner') ?? referenceId(p.individual, 'PractitionerRole'));
		encounters.set(res.id, {
			patient: keyOf(res.subject, 'Patient'),
			date: dateOf(res.period?.start),
			practitioner: keyOf(participant?.individual, 'Practitioner') ?? keyOf(participant?.individual, 'PractitionerRole'),
			organization: keyOf(res.serviceProvider, 'Organization'),
			typeTechnique: conceptText(list(res.type)[0]) ?? conceptText(list(res.serviceType)[0])
		});
	}

	const procedures = new Map<string, { text: string; time: number | null; order: number }[]>();
	for (const { res, order } of of<ProcedureResource>('Procedure')) {
		const encounter = referenceId(res.encounter, 'Encounter');
		const text = conceptText(res.code);
		if (!encounter || !text || VOID.has(res.status ?? '') || res.status === 'not-done') continue;
		push(procedures, encounter, { text, time: timeOf(res.performedDateTime, res.performedPeriod?.start), order });
	}

	const conditions = new Map<string, { text: string; time: number | null; order: number }[]>();
	for (const { res, order } of of<ConditionResource>('Condition')) {
		const patient = keyOf(res.subject, 'Patient');
		const text = conceptText(res.code);
		const verification = list(res.verificationStatus?.coding)[0]?.code;
		if (!patient || !text || verification === 'entered-in-error' || verification === 'refuted') continue;
		push(conditions, patient, { text, time: timeOf(res.recordedDate, res.onsetDateTime), order });
	}

	const scores: Score[] = [];
	for (const { res, order } of of<ObservationResource>('Observation')) {
		const instrument = instrumentOfConcept(res.code);
		if (VOID.has(res.status ?? '')) skipped.add('Observation', `skipped: ${res.status === 'cancelled' ? 'cancelled' : 'entered in error'}`);
		else if (!instrument) skipped.add('Observation', `with ${conceptName(res.code)} skipped: not an outcome the dashboard charts`);
		else if (numberOf(res) === null) skipped.add('Observation', `with ${conceptName(res.code)} skipped: no value`);
		else if (!referenceId(res.encounter, 'Encounter')) skipped.add('Observation', `with ${conceptName(res.code)} skipped: no encounter to tie it to a session`);
		else {
			scores.push({
				patient: keyOf(res.subject, 'Patient'),
				encounter: referenceId(res.encounter, 'Encounter'),
				instrument,
				timepoint: null,
				value: numberOf(res)!,
				time: timeOf(res.effectiveDateTime, res.effectivePeriod?.start, res.effectiveInstant, res.issued),
				date: dateOf(res.effectiveDateTime ?? res.effectivePeriod?.start ?? res.effectiveInstant ?? res.issued),
				order
			});
		}
	}
	for (const { res, order } of of<QuestionnaireResponseResource>('QuestionnaireResponse')) {
		if (VOID.has(res.status ?? '')) {
			skipped.add('QuestionnaireResponse', 'skipped: entered in error');
			continue;
		}
		const encounter = referenceId(res.encounter, 'Encounter');
		for (const item of leafItems(res.item)) {
			const answers = list(item.answer);
			if (answers.length === 0) continue;
			const linkId = String(item.linkId ?? '');
			const byCode = instrumentOfConcept({ coding: list(item.code) });
			const found = byCode ? { instrument: byCode, timepoint: instrumentOfLinkId(linkId)?.timepoint ?? null } : instrumentOfLinkId(linkId);
			const value = numberOf(answers[0]);
			if (!found) skipped.add('QuestionnaireResponse item', `with linkId "${linkId}" skipped: not an outcome the dashboard charts`);
			else if (value === null) skipped.add('QuestionnaireResponse item', `with linkId "${linkId}" skipped: no number as its answer`);
			else if (!encounter) skipped.add('QuestionnaireResponse item', `with linkId "${linkId}" skipped: no encounter to tie it to a session`);
			else scores.push({ patient: keyOf(res.subject, 'Patient'), encounter, ...found, value, time: timeOf(res.authored), date: dateOf(res.authored), order });
		}
	}

	// The order rule, for scores whose source gives no timepoint.
	const pools = new Map<string, Score[]>();
	for (const s of scores.filter((s) => s.timepoint === null)) push(pools, `${s.encounter}\u0000${s.instrument}`, s);
	let single = 0;
	let between = 0;
	const kept: (Score & { timepoint: Timepoint })[] = scores.filter((s): s is Score & { timepoint: Timepoint } => s.timepoint !== null);
	for (const pool of pools.values()) {
		pool.sort((a, b) => (a.time !== null && b.time !== null && a.time !== b.time ? a.time - b.time : a.order - b.order));
		kept.push({ ...pool[0], timepoint: 'pre' });
		if (pool.length === 1) single++;
		else kept.push({ ...pool[pool.length - 1], timepoint: 'post' });
		between += Math.max(0, pool.length - 2);
	}

	const earliest = <T extends { time: number | null; order: number }>(xs: T[]) =>
		[...xs].sort((a, b) => (a.time ?? Infinity) - (b.time ?? Infinity) || a.order - b.order);
	const instrumentRank = (code: string) => INSTRUMENTS.findIndex((i) => i.code === code);
	const rows = kept.map((s) => {
		const facts = encounters.get(s.encounter!);
		const techniques = earliest(procedures.get(s.encounter!) ?? []).map((p) => p.text);
		const patient = s.patient ?? facts?.patient ?? null;
		const condition = patient ? (earliest(conditions.get(patient) ?? [])[0]?.text ?? null) : null;
		return [
			patient,
			pseudonymousKey(s.encounter!),
			facts?.date ?? s.date,
			facts?.practitioner ?? null,
			facts?.organization ?? null,
			techniques[0] ?? facts?.typeTechnique ?? null,
			techniques.length > 1 ? techniques.slice(1).map((t) => t.replaceAll(';', ',')).join(';') : null,
			condition,
			s.instrument,
			s.timepoint,
			String(s.value)
		];
	});
	const compare = (a: (string | null)[], b: (string | null)[]) =>
		(a[2] ?? '').localeCompare(b[2] ?? '') ||
		(a[1] ?? '').localeCompare(b[1] ?? '') ||
		instrumentRank(a[8]!) - instrumentRank(b[8]!) ||
		TIMEPOINTS.indexOf(a[9] as Timepoint) - TIMEPOINTS.indexOf(b[9] as Timepoint);
	rows.sort(compare);

	const notes: string[] = [];
	const read = [...byType].map(([type, list]) => `${list.length} ${type}`).join(', ');
	notes.push(`Resources read: ${read}`);
	if (byType.has('Patient')) notes.push('Patient resources: only their ids are used; names, birth dates, addresses and contact details are not read');
	const ignored = [...byType.keys()].filter((t) => !['Patient', 'Encounter', 'Procedure', 'Condition', 'Observation', 'QuestionnaireResponse'].includes(t));
	if (ignored.length > 0) notes.push(`Not used: ${ignored.map((t) => `${byType.get(t)!.length} ${t}`).join(', ')}`);
	notes.push(...skipped.notes());
	notes.push(
		'Timepoints: of the scores of one instrument in one encounter, the earliest is "pre" and the latest "post"' +
			(single > 0 ? `; ${plural(single, 'score')} alone of ${single === 1 ? 'its' : 'their'} instrument in ${single === 1 ? 'its' : 'their'} encounter taken as "pre"` : '') +
			(between > 0 ? `; ${plural(between, 'score')} between the first and the last left out` : '')
	);
	const patientsWithMore = [...conditions.values()].filter((c) => new Set(c.map((x) => x.text)).size > 1).length;
	if (patientsWithMore > 0) notes.push(`${plural(patientsWithMore, 'patient has', 'patients have')} more than one Condition: the earliest recorded is used`);

	return {
		source: files.map((f) => f.name).join(', '),
		headers: [...FHIR_HEADERS],
		rows,
		headerLabels: { ...HEADER_LABELS },
		preset: 'FHIR',
		flaggedIdentifiers: {},
		notes
	};
}
