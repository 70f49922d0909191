/**
 * Each chart's spec, kept while what the chart draws is unchanged: a chart is drawn again only when its spec
 * changes, so on a change that leaves a chart as it was (the conditions chart when the trends show another
 * timepoint, a chart withheld before and after) that chart is left alone.
 */
export class ChartSpecs<Spec> {
	readonly #last = new Map<string, { drawn: string; spec: Spec }>();

	/**
	 * The spec for `chart`: the one made before if `drawn` (what the chart draws, as text) is the same, else `make()`.
	 */
	get(chart: string, drawn: string, make: () => Spec): Spec {
		const last = this.#last.get(chart);
		if (last && last.drawn === drawn) return last.spec;
		const spec = make();
		this.#last.set(chart, { drawn, spec });
		return spec;
	}
}
