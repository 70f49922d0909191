// The benchmark's Arquero peer, run in the page (after arquero.min.js): the overview's aggregations for one view,
// written in Arquero over the session facts the page held. Scores for every measure and timepoint are derived once
// at load, as columns; each view then filters and rolls up as the overview's queries do: the key figures, the four
// trends at three levels (month x technique, month, chart) with distinct clients per measure, and clients by condition.
/* global aq, op */
(() => {
	const MEASURES = [
		{ key: 'pain', pre: 'pain_pre', post: 'pain_post', better: 'lower' },
		{ key: 'stress', pre: 'stress_pre', post: 'stress_post', better: 'lower' },
		{ key: 'sleep', pre: 'sleep_pre', post: 'sleep_post', better: 'higher' },
		{ key: 'rom', pre: 'rom_pct_pre', post: 'rom_pct_post', change: 'rom_pct_change' }
	];
	let sessions = null;
	let courses = null;

	function load(csvText) {
		// Months as YYYY-MM text (compared as the filter's months are); ids and codes stay text.
		const text = (v) => v;
		const table = aq.fromCSV(csvText, {
			parse: { month: (v) => v.slice(0, 7), client_id: text, therapist_id: text, clinic_id: text }
		});
		const derived = {};
		for (const m of MEASURES) {
			if (!m.change) {
				derived[`${m.key}_change`] = m.better === 'lower' ? `d => d.${m.pre} - d.${m.post}` : `d => d.${m.post} - d.${m.pre}`;
			}
		}
		sessions = table.derive(derived);
		courses = clientCourses(sessions);
		return sessions.numRows();
	}

	/** One row per client, described by their first session, with the first and last pre-session pain (built once). */
	function clientCourses(table) {
		const col = (name) => table.array(name);
		const [client, number, technique, condition, therapist, clinic, month, pain] = [
			'client_id', 'session_number', 'primary_technique', 'primary_condition', 'therapist_id', 'clinic_id', 'month', 'pain_pre'
		].map(col);
		const byClient = new Map();
		for (let i = 0; i < client.length; i++) {
			let c = byClient.get(client[i]);
			if (!c) byClient.set(client[i], (c = { first: i, scored: 0, firstPain: null, firstPainAt: Infinity, lastPain: null, lastPainAt: -Infinity }));
			if (number[i] < number[c.first]) c.first = i;
			if (pain[i] != null) {
				c.scored++;
				if (number[i] < c.firstPainAt) [c.firstPain, c.firstPainAt] = [pain[i], number[i]];
				if (number[i] > c.lastPainAt) [c.lastPain, c.lastPainAt] = [pain[i], number[i]];
			}
		}
		const rows = [...byClient.entries()];
		return aq.table({
			client_id: rows.map(([id]) => id),
			primary_condition: rows.map(([, c]) => condition[c.first]),
			primary_technique: rows.map(([, c]) => technique[c.first]),
			therapist_id: rows.map(([, c]) => therapist[c.first]),
			clinic_id: rows.map(([, c]) => clinic[c.first]),
			month: rows.map(([, c]) => month[c.first]),
			scored_sessions: rows.map(([, c]) => c.scored),
			pain_first_pre: rows.map(([, c]) => c.firstPain),
			pain_last_pre: rows.map(([, c]) => c.lastPain)
		});
	}

	function matches(filter) {
		return aq.escape(
			(d) =>
				(filter.from === null || d.month >= filter.from) &&
				(filter.to === null || d.month <= filter.to) &&
				(filter.techniques.length === 0 || filter.techniques.includes(d.primary_technique)) &&
				(filter.conditions.length === 0 || filter.conditions.includes(d.primary_condition)) &&
				(filter.therapists.length === 0 || filter.therapists.includes(d.therapist_id)) &&
				(filter.clinics.length === 0 || filter.clinics.includes(d.clinic_id))
		);
	}

	function column(m, timepoint) {
		if (timepoint === 'pre') return m.pre;
		if (timepoint === 'post') return m.post;
		return m.change ?? `${m.key}_change`;
	}

	/** One view: the same numbers the overview's three queries return (before suppression). */
	function run(view) {
		const kf = sessions.filter(matches(view.kpis));
		const both = kf.filter((d) => d.pain_pre != null && d.pain_post != null);
		const kpis = {
			sessions: kf.numRows(),
			clients: kf.rollup({ n: op.distinct('client_id') }).get('n', 0),
			within: both.rollup({ mean: op.mean('pain_change'), n: op.count(), clients: op.distinct('client_id') }).objects()[0]
		};
		const course = courses
			.filter(matches(view.kpis))
			.filter((d) => d.scored_sessions >= 2 && d.pain_first_pre >= 2)
			.derive({ change: (d) => d.pain_first_pre - d.pain_last_pre })
			.derive({ responder: (d) => (d.change >= 2 ? 1 : 0) })
			.rollup({ n: op.count(), responders: op.sum('responder'), mean: op.mean('change') })
			.objects();
		const tf = sessions.filter(matches(view.trends));
		const trends = MEASURES.map((m) => {
			const value = column(m, view.timepoint);
			const scored = tf.filter(aq.escape((d) => d[value] != null));
			const stats = { mean: op.mean(value), sessions: op.count(), clients: op.distinct('client_id') };
			return {
				points: scored.groupby('month', 'primary_technique').rollup(stats).numRows(),
				months: scored.groupby('month').rollup(stats).numRows(),
				chart: scored.rollup({ sessions: op.count(), clients: op.distinct('client_id') }).objects()[0]
			};
		});
		const conditions = sessions
			.filter(matches(view.conditions))
			.groupby('primary_condition')
			.rollup({ clients: op.distinct('client_id'), sessions: op.count() })
			.numRows();
		return { kpis, course, trends, conditions };
	}

	window.__arqueroPeer = { load, run };
})();
