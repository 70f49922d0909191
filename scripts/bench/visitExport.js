import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * A deterministic wide visit export: 8 visits per client on average, pain/stress/sleep before and after. Written in
 * chunks, so ten million rows never sit in one string.
 */
export function writeVisitExport(path, rows) {
	const techniques = ['Swedish', 'Deep tissue', 'Trigger point', 'Myofascial release', 'Sports', 'Lymphatic drainage'];
	const conditions = ['Low back pain', 'Neck pain', 'Tension headache', 'Fibromyalgia', 'Anxiety', 'Insomnia'];
	let seed = 42;
	const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
	const fd = openSync(path, 'w');
	let lines = ['client_id,visit_date,technique,condition,therapist,clinic,pain_pre,pain_post,stress_pre,stress_post,sleep_pre,sleep_post'];
	for (let i = 0; i < rows; i++) {
		const client = Math.floor(i / 8);
		// A client's visits fall on different days, so no row is a duplicate of another.
		const day = 1 + (i % 8) * 3 + (client % 3);
		const month = 1 + Math.floor(rand() * 12);
		const pain = Math.floor(rand() * 9) + 1;
		lines.push(
			`C${client.toString(36).padStart(6, '0')},2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},` +
				`${techniques[client % 6]},${conditions[(client >> 3) % 6]},T${String(client % 40).padStart(2, '0')},clinic${client % 3},` +
				`${pain},${Math.max(0, pain - Math.floor(rand() * 3))},${Math.floor(rand() * 11)},${Math.floor(rand() * 11)},${Math.floor(rand() * 11)},${Math.floor(rand() * 11)}`
		);
		if (lines.length >= 50_000) {
			writeSync(fd, lines.join('\n') + '\n');
			lines = [];
		}
	}
	if (lines.length) writeSync(fd, lines.join('\n') + '\n');
	closeSync(fd);
}
