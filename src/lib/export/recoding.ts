import { AGE_HIERARCHY, CONDITION_HIERARCHY, FIRST_VISIT_LEVELS, SEX_HIERARCHY, firstVisitHierarchy, type Hierarchy } from './hierarchies';
import { numberGroups, suppressRareCombinations, type ClientGroupRow, type KAnonymousClients } from './kAnonymity';

/** The quasi-identifiers that are generalized, in the order the lattice and the README list them. */
export const RECODED = ['age_band', 'sex', 'condition', 'first_visit'] as const;
export type Recoded = (typeof RECODED)[number];

/** A node of the lattice: the hierarchy level of each generalized quasi-identifier (0: as stored). */
export type Recoding = Record<Recoded, number>;

/** The share of clients an export may leave out after recoding before a coarser recoding is preferred (ARX's suppression limit). */
export const SUPPRESSION_LIMIT = 0.05;

/**
 * How much each quasi-identifier weighs in the information loss (ARX's attribute weights): the condition most, as
 * every outcome analysis is by condition; age and sex next, the covariates analyses adjust for; the first-visit
 * period least, as it only places a course in calendar time (the day offsets keep the course's own timing).
 */
export const LOSS_WEIGHTS: Readonly<Record<Recoded, number>> = { age_band: 2, sex: 2, condition: 3, first_visit: 1 };
const WEIGHT_SUM = RECODED.reduce((sum, qi) => sum + LOSS_WEIGHTS[qi], 0);

/** The hierarchies of one export: the fixed ones, and the first-visit period over the export's quarters. */
export type Hierarchies = Record<Recoded, Hierarchy>;

export function exportHierarchies(firstVisits: readonly string[]): Hierarchies {
	return { age_band: AGE_HIERARCHY, sex: SEX_HIERARCHY, condition: CONDITION_HIERARCHY, first_visit: firstVisitHierarchy(firstVisits) };
}

/** Every recoding: each quasi-identifier at each of its levels (3 × 2 × 3 × 3 = 54 nodes), finest first. */
export function recodingLattice(hierarchies: Hierarchies): Recoding[] {
	let nodes: Recoding[] = [{ age_band: 0, sex: 0, condition: 0, first_visit: 0 }];
	for (const qi of RECODED) {
		nodes = nodes.flatMap((node) => hierarchies[qi].levels.map((_, level) => ({ ...node, [qi]: level })));
	}
	return nodes.sort((a, b) => levelSum(a) - levelSum(b));
}

const LEVEL_WORDS: Record<Recoded, readonly string[]> = {
	age_band: AGE_HIERARCHY.levels,
	sex: SEX_HIERARCHY.levels,
	condition: CONDITION_HIERARCHY.levels,
	first_visit: FIRST_VISIT_LEVELS
};

/** A recoding in words: `age in 20-year bands, sex as recorded, condition group and first-visit year`. */
export function recodingText(recoding: Recoding): string {
	const words = RECODED.map((qi) => LEVEL_WORDS[qi][recoding[qi]]);
	return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The quasi-identifiers a recoding coarsens, in words (`age and condition`), or null when it coarsens none. */
export function coarsenedText(recoding: Recoding): string | null {
	const names: Record<Recoded, string> = { age_band: 'age', sex: 'sex', condition: 'condition', first_visit: 'first visit' };
	const coarse = RECODED.filter((qi) => recoding[qi] > 0).map((qi) => names[qi]);
	return coarse.length === 0 ? null : coarse.length === 1 ? coarse[0] : `${coarse.slice(0, -1).join(', ')} and ${coarse.at(-1)}`;
}

/** Why this recoding was chosen, in words, for the README. */
export function recodingRuleText(chosen: { nodes: number; withinLimit: boolean }): string {
	const limit = `${Math.round(SUPPRESSION_LIMIT * 100)}%`;
	return chosen.withinLimit
		? `the least information loss of the ${chosen.nodes} recodings tried that leave out at most ${limit} of the clients`
		: `none of the ${chosen.nodes} recodings tried leaves out ${limit} of the clients or fewer: the one that keeps the most`;
}

const levelSum = (r: Recoding) => RECODED.reduce((sum, qi) => sum + r[qi], 0);

/** A group's stored value of a quasi-identifier. */
function storedValue(group: ClientGroupRow, qi: Recoded): string | null {
	return qi === 'condition' ? group.primary_condition : group[qi];
}

/** A client's quasi-identifier values under a recoding (the clinic as it is). */
export function recodedValues(group: ClientGroupRow, recoding: Recoding, hierarchies: Hierarchies): Record<Recoded, string | null> {
	return Object.fromEntries(RECODED.map((qi) => [qi, hierarchies[qi].generalize(storedValue(group, qi), recoding[qi])])) as Record<Recoded, string | null>;
}

/** The recoding an export uses, with the clients it keeps and the information it loses. */
export interface ChosenRecoding extends KAnonymousClients {
	recoding: Recoding;
	hierarchies: Hierarchies;
	/**
	 * Information lost, 0 to 1: Iyengar's loss metric (2002) averaged over the export's clients and, weighted by
	 * LOSS_WEIGHTS, over the four generalized quasi-identifiers; a value covering m of the M values as stored loses
	 * (m − 1) / (M − 1), and a client left out loses 1 on each.
	 */
	informationLoss: number;
	/** How many recodings were compared. */
	nodes: number;
	/** Whether the chosen recoding leaves out at most SUPPRESSION_LIMIT of the clients (else it keeps the most). */
	withinLimit: boolean;
}

/**
 * Global recoding (ARX's search, Prasser & Kohlmayer 2015, by enumeration: the lattice is small): every recoding of
 * the lattice is tried, each followed by suppression of the clients whose combination still has fewer than k
 * clients. Chosen: the least information loss among the recodings that leave out at most SUPPRESSION_LIMIT of the
 * clients; if none does, the one that keeps the most clients. Ties go to more clients kept, then to fewer levels.
 */
export function chooseRecoding(groups: readonly ClientGroupRow[], k: number): ChosenRecoding {
	const hierarchies = exportHierarchies(groups.flatMap((g) => (g.first_visit === null ? [] : [g.first_visit])));
	const numbered = numberGroups(groups);
	const total = numbered.clientIds.length;
	const firstGroup = new Int32Array(total).fill(-1);
	groups.forEach((_, i) => {
		if (firstGroup[numbered.clientOf[i]] < 0) firstGroup[numbered.clientOf[i]] = i;
	});
	const clinicCode = codes(groups.map((g) => g.clinic_id));
	const lattice = recodingLattice(hierarchies);
	const tried = lattice.map((recoding) => {
		const valueCodes = RECODED.map((qi) => codes(groups.map((g) => hierarchies[qi].generalize(storedValue(g, qi), recoding[qi]))));
		const keys = groups.map((_, i) => valueCodes.reduce((key, c) => key * (c.size + 1) + c.of[i], 0) * (clinicCode.size + 1) + clinicCode.of[i]);
		const result = suppressRareCombinations(numbered, keys, k);
		let loss = 0;
		for (let client = 0; client < total; client++) {
			if (!result.kept[client]) loss += WEIGHT_SUM;
			else for (const qi of RECODED) loss += LOSS_WEIGHTS[qi] * cellLoss(hierarchies[qi], storedValue(groups[firstGroup[client]], qi), recoding[qi]);
		}
		return { recoding, result, informationLoss: total === 0 ? 0 : loss / (total * WEIGHT_SUM) };
	});
	const within = tried.filter((t) => t.result.leftOutClients <= SUPPRESSION_LIMIT * total);
	const best = within.length
		? within.reduce((a, b) => (b.informationLoss < a.informationLoss - 1e-12 || (Math.abs(b.informationLoss - a.informationLoss) <= 1e-12 && b.result.clients > a.result.clients) ? b : a))
		: tried.reduce((a, b) => (b.result.clients > a.result.clients || (b.result.clients === a.result.clients && b.informationLoss < a.informationLoss - 1e-12) ? b : a));
	const { kept, ...counts } = best.result;
	return {
		...counts,
		kept: new Set(numbered.clientIds.filter((_, i) => kept[i])),
		recoding: best.recoding,
		hierarchies,
		informationLoss: best.informationLoss,
		nodes: lattice.length,
		withinLimit: within.length > 0
	};
}

/** The loss of one value at one level: (values covered − 1) / (values as stored − 1). */
function cellLoss(hierarchy: Hierarchy, value: string | null, level: number): number {
	return hierarchy.domain <= 1 ? 0 : (hierarchy.leaves(value, level) - 1) / (hierarchy.domain - 1);
}

/** Values numbered 0, 1, ... in order of first appearance (null included), and how many there are. */
function codes(values: readonly (string | null)[]): { of: Int32Array; size: number } {
	const index = new Map<string | null, number>();
	const of = Int32Array.from(values, (v) => {
		let i = index.get(v);
		if (i === undefined) index.set(v, (i = index.size));
		return i;
	});
	return { of, size: index.size };
}
