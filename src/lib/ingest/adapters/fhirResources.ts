import type { Concept } from './fhirScores';

/**
 * The parts of FHIR R4 resources the adapter reads, all optional: the JSON comes from elsewhere, so every element
 * may be missing or of another shape, and is checked where it is read. Patient has no type here: only its id is
 * ever used, through references.
 */
export interface Reference {
	reference?: string;
}

interface Period {
	start?: string;
}

export interface EncounterResource {
	id?: string;
	status?: string;
	subject?: Reference;
	participant?: { individual?: Reference }[];
	period?: Period;
	serviceProvider?: Reference;
	type?: Concept[];
	serviceType?: Concept | Concept[];
}

export interface ProcedureResource {
	status?: string;
	code?: Concept;
	encounter?: Reference;
	performedDateTime?: string;
	performedPeriod?: Period;
}

export interface ConditionResource {
	code?: Concept;
	subject?: Reference;
	verificationStatus?: Concept;
	recordedDate?: string;
	onsetDateTime?: string;
}

/** Where a number can be: an Observation's value[x] or a questionnaire answer's. */
export interface ValueHolder {
	valueQuantity?: { value?: unknown };
	valueInteger?: unknown;
	valueDecimal?: unknown;
}

export interface ObservationResource extends ValueHolder {
	status?: string;
	code?: Concept;
	subject?: Reference;
	encounter?: Reference;
	effectiveDateTime?: string;
	effectivePeriod?: Period;
	effectiveInstant?: string;
	issued?: string;
}

export interface QuestionnaireItem {
	linkId?: unknown;
	code?: Concept['coding'];
	answer?: (ValueHolder & { item?: QuestionnaireItem[] })[];
	item?: QuestionnaireItem[];
}

export interface QuestionnaireResponseResource {
	status?: string;
	subject?: Reference;
	encounter?: Reference;
	authored?: string;
	item?: QuestionnaireItem[];
}

/** A repeating element as an array, whatever the JSON holds. */
export function list<T>(value: T[] | T | undefined | null): T[] {
	if (Array.isArray(value)) return value;
	return value === undefined || value === null ? [] : [value];
}
