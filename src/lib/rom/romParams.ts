import { COURSE_END_LABELS, type CourseEnd } from '$lib/measures';
import { choiceParam, type ViewParams } from '$lib/url/viewParams';

/** What the range-of-motion page's URL holds. */
export interface RomView {
	/** A condition code, or '' for all with ROM data. */
	condition: string;
	/** A course technique, or '' for all. */
	technique: string;
	end: CourseEnd;
}

export interface RomParamsOptions {
	/** Conditions with ROM measurements. */
	conditions: () => readonly string[];
	/** Course techniques with ROM measurements under any condition (the page keeps one only where its condition has it). */
	techniques: () => readonly string[];
}

export function romParams(options: RomParamsOptions): ViewParams<RomView> {
	return {
		condition: choiceParam({ name: 'condition', label: 'Condition', values: options.conditions, fallback: '' }),
		technique: choiceParam({ name: 'technique', label: 'Course technique', values: options.techniques, fallback: '' }),
		end: choiceParam({ name: 'course', label: 'Course measured', values: () => Object.keys(COURSE_END_LABELS) as CourseEnd[], fallback: 'last_pre' })
	};
}
