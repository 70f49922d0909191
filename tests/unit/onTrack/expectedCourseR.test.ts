import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { queryClientCourse } from '$lib/queries/clientsOnTrack';
import { openDemoDatabase } from '../../support/demoDataset';
import { rscript } from '../../support/rscript';

/**
 * The expected course against base R: for a client of each of a few conditions, R fits lm(score ~ start) over the
 * clients of that condition scored at each session number, and its prediction and prediction SD
 * (sqrt(se.fit² + sigma²)) must equal the page's expected score and SD at every session.
 */
const R_SCRIPT = `
d <- read.csv("scores.csv")
starts <- do.call(rbind, lapply(split(d, d$client_id), function(x) { x <- x[order(x$session_number), ]; data.frame(client_id = x$client_id[1], start = x$score[1]) }))
d <- merge(d, starts, by = "client_id")
targets <- read.csv("targets.csv")
for (i in seq_len(nrow(targets))) {
	t <- targets[i, ]
	x <- d[d$condition == t$condition & d$session_number == t$session, ]
	fit <- lm(score ~ start, data = x)
	p <- predict(fit, newdata = data.frame(start = t$start), se.fit = TRUE)
	cat(sprintf("%s,%d,%d,%.12f,%.12f\\n", t$client_id, t$session, nrow(x), min(10, max(0, p$fit)), sqrt(p$se.fit^2 + suppressWarnings(summary(fit))$sigma^2)))
}
`;

describe('the expected course, refereed by base R', () => {
	let db: Connector;
	beforeAll(async () => (db = await openDemoDatabase()), 120_000);
	afterAll(async () => db?.close());

	it('equals lm() predictions and prediction SDs for clients of four conditions', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'expected-course-'));
		const scores = await db.query<{ client_id: string; condition: string; session_number: number; score: number }>(
			`SELECT client_id, CAST(primary_condition AS VARCHAR) AS condition, CAST(session_number AS INTEGER) AS session_number, pain_pre AS score
			FROM session_facts WHERE pain_pre IS NOT NULL ORDER BY client_id, session_number`
		);
		writeFileSync(join(dir, 'scores.csv'), 'client_id,condition,session_number,score\n' + scores.map((r) => `${r.client_id},${r.condition},${r.session_number},${r.score}`).join('\n') + '\n');
		const clients = await db.query<{ client_id: string }>(
			`SELECT arg_max(client_id, n) AS client_id FROM (SELECT client_id, primary_condition, count(*) AS n FROM session_facts GROUP BY ALL)
			WHERE primary_condition IN ('chronic_low_back_pain', 'neck_pain', 'tension_headache', 'fibromyalgia') GROUP BY primary_condition ORDER BY 1`
		);
		const targets: { client_id: string; condition: string; session: number; start: number; mean: number; sd: number; n: number }[] = [];
		for (const { client_id } of clients) {
			const course = (await queryClientCourse(db, 'pain', client_id, 20))!;
			for (const e of course.expected) targets.push({ client_id, condition: course.condition, session: e.session, start: course.startScore, mean: e.mean, sd: e.sd, n: e.n });
		}
		expect(targets.length).toBeGreaterThan(40);
		writeFileSync(join(dir, 'targets.csv'), 'client_id,condition,session,start\n' + targets.map((t) => `${t.client_id},${t.condition},${t.session},${t.start}`).join('\n') + '\n');
		writeFileSync(join(dir, 'check.R'), R_SCRIPT);
		const run = rscript(['check.R'], dir);
		expect(run.status, run.output).toBe(0);
		const fromR = run.output.trim().split('\n').map((line) => line.split(','));
		expect(fromR, run.output).toHaveLength(targets.length);
		fromR.forEach(([client, session, n, mean, sd], i) => {
			const t = targets[i];
			expect([client, Number(session), Number(n)]).toEqual([t.client_id, t.session, t.n]);
			expect(Math.abs(t.mean - Number(mean))).toBeLessThan(1e-9);
			expect(Math.abs(t.sd - Number(sd))).toBeLessThan(1e-9);
		});
	}, 120_000);
});
