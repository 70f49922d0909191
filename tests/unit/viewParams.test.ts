import { describe, expect, it } from 'vitest';
import { choiceParam, listParam, monthParam, optionalChoiceParam, readView, textParam, writeView } from '$lib/url/viewParams';

const conditions = ['neck_pain', 'insomnia'];
const params = {
	condition: choiceParam({ name: 'condition', label: 'Condition', values: () => conditions, fallback: 'neck_pain', allowAll: true }),
	techniques: listParam({ name: 'technique', label: 'Technique', values: () => ['swedish', 'deep_tissue', 'sports'] }),
	from: monthParam({ name: 'from', label: 'From month' }),
	picked: optionalChoiceParam({ name: 'pick', label: 'Picked condition', values: () => conditions }),
	sql: textParam('q')
};
interface View {
	condition: string;
	techniques: string[];
	from: string | null;
	picked: string | null;
	sql: string;
}
const defaults: View = { condition: 'neck_pain', techniques: [], from: null, picked: null, sql: '' };
const read = (search: string) => readView(params, new URLSearchParams(search));

describe('view in the URL', () => {
	it('writes nothing for the defaults, and reads no parameters as the defaults', () => {
		expect(writeView(params, defaults)).toBe('');
		expect(read('')).toEqual({ view: defaults, ignored: [] });
	});

	it('reads back every view it writes', () => {
		const view: View = { condition: '', techniques: ['sports', 'swedish'], from: '2025-03', picked: 'insomnia', sql: "SELECT 'a&b=c' AS x" };
		const search = writeView(params, view);
		// Techniques in the order offered, "all" for the empty choice, text encoded.
		expect(search).toBe('?condition=all&technique=swedish&technique=sports&from=2025-03&pick=insomnia&q=SELECT+%27a%26b%3Dc%27+AS+x');
		expect(read(search)).toEqual({ view: { ...view, techniques: ['swedish', 'sports'] }, ignored: [] });
	});

	it('ignores what it cannot use, keeps the rest, and says why in words', () => {
		const { view, ignored } = read('condition=fibro&technique=swedish&technique=reiki&from=2025-13&pick=neck_pain&zoom=3');
		expect(view).toEqual({ ...defaults, techniques: ['swedish'], picked: 'neck_pain' });
		expect(ignored).toEqual([
			'Condition “fibro” is not one this page offers for this dataset',
			'Technique “reiki” is not in this dataset',
			'From month “2025-13” is not a month written as YYYY-MM',
			'“zoom” is not a setting of this page'
		]);
	});

	it('cuts a long value short in a notice and uses the last of repeated settings', () => {
		const { ignored } = read(`condition=${'x'.repeat(200)}`);
		expect(ignored[0]).toBe(`Condition “${'x'.repeat(40)}…” is not one this page offers for this dataset`);
		const repeated = read('condition=neck_pain&condition=insomnia');
		expect(repeated.view.condition).toBe('insomnia');
		expect(repeated.ignored).toEqual(['Condition was given 2 times; the last was used']);
	});

	it('treats values as data, never as markup or SQL', () => {
		const { view, ignored } = read(`technique=${encodeURIComponent('<img src=x onerror=alert(1)>')}&q=${encodeURIComponent("'; DROP TABLE x; --")}`);
		expect(view.techniques).toEqual([]);
		expect(view.sql).toBe("'; DROP TABLE x; --");
		expect(ignored).toEqual(['Technique “<img src=x onerror=alert(1)>” is not in this dataset']);
	});
});
