/** Deeper than any export nests its records: past this a recursive walk (or JSON.stringify) would run out of stack. */
export const MAX_JSON_DEPTH = 100;

/** Whether parsed JSON nests lists and objects more than `limit` levels deep; walks without recursion. */
export function nestedDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): boolean {
	const stack: [unknown, number][] = [[value, 1]];
	while (stack.length > 0) {
		const [item, depth] = stack.pop()!;
		if (typeof item !== 'object' || item === null) continue;
		if (depth > limit) return true;
		for (const child of Array.isArray(item) ? item : Object.values(item)) {
			if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
		}
	}
	return false;
}

/** What to say of JSON nested too deeply, after "the file" or "line N". */
export const TOO_DEEP = `nests lists or objects more than ${MAX_JSON_DEPTH} levels deep, deeper than any export writes records`;
