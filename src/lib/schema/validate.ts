import type { z } from 'zod';

export interface FieldProblem {
	field: string;
	value: unknown;
	message: string;
}

/** Validates one row; problems name the field and the value, so an import report can say what to fix. */
export function validateRow<T>(schema: z.ZodType<T>, row: unknown): { ok: true; row: T } | { ok: false; problems: FieldProblem[] } {
	const result = schema.safeParse(row, { reportInput: true });
	if (result.success) return { ok: true, row: result.data };
	return {
		ok: false,
		problems: result.error.issues.map((issue) => {
			const field = issue.path.join('.') || '(row)';
			const value = 'input' in issue ? issue.input : undefined;
			return { field, value, message: `${field}: ${issue.message} (got ${JSON.stringify(value) ?? 'nothing'})` };
		})
	};
}
