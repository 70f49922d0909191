import { expect, test } from './fixtures';
import { DEMO } from './demoFacts';
import { LONG, kpi } from './importSteps';

/** SQL in every filter a link can set: refused as values the page does not offer, never run. */
const INJECTION = `neck_pain' OR '1'='1`;
const COPY = `'); COPY sessions TO 'leak.csv'; --`;
const MARKUP = `<img src=x onerror="alert(1)">`;

test('a link with SQL and markup in its filters opens on every session, lists each part as text and runs none of it', async ({ page }) => {
	const query = new URLSearchParams([
		['condition', INJECTION],
		['technique', COPY],
		['therapist', MARKUP],
		['clinic', `x' UNION SELECT content FROM read_text('/etc/passwd') --`],
		['from', `2025-01' OR '1'='1`]
	]);
	await page.goto(`./?${query}`);
	const notice = page.getByRole('status').filter({ hasText: 'Part of this link could not be used' });
	await expect(notice.getByRole('listitem')).toHaveText([
		`Condition “${INJECTION}” is not one this page offers for this dataset.`,
		`Technique “${COPY}” is not in this dataset.`,
		`Therapist “${MARKUP}” is not one this page offers for this dataset.`,
		'Clinic “x\' UNION SELECT content FROM read_text(\'…” is not one this page offers for this dataset.',
		`From month “2025-01' OR '1'='1” is not a month written as YYYY-MM.`
	]);
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions, { timeout: LONG });
	await expect(page).toHaveURL(/\/$/);

	// The same on another page: the therapists page offers conditions and clinics too.
	await page.goto(`./therapists?condition=${encodeURIComponent(COPY)}&clinic=${encodeURIComponent(INJECTION)}`);
	await expect(page.getByRole('status').filter({ hasText: 'Part of this link could not be used' }).getByRole('listitem')).toHaveCount(2);
	await page.goto('./sql');
	await page.getByLabel('SQL query').fill('SELECT count(*) AS n FROM sessions');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Query result' }).locator('tbody td').first()).toHaveText('15366');
});
