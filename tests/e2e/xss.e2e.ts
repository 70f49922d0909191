import { expect, test } from './fixtures';
import { LONG, checkRows, importRows, kpi, openData } from './importSteps';

/**
 * Markup and script in every text a file can bring: its name, its headers, every cell, the dataset's name. Each
 * payload calls `xss(…)` if it ever runs; it must not, and each must be shown as the text it is.
 */
const PAYLOADS = [
	`<script>xss('script')</script>`,
	`<img src=x onerror="xss('img')">`,
	`<svg onload="xss('svg')"></svg>`,
	`"><iframe srcdoc="<script>parent.xss('iframe')</script>">`,
	`javascript:xss('url')`,
	`<a href="javascript:xss('a')">link</a>`,
	`'--><details open ontoggle="xss('details')">`,
	`<math><mtext><table><mglyph><style><img src=x onerror="xss('mxss')">`,
	`{@html '<b onmouseover="xss(1)">b</b>'}`,
	'${xss(`template`)}',
	`=HYPERLINK("https://example.org","click")`,
	`<style>body{display:none}</style>`
];

const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;

/**
 * Twelve good rows (enough clients not to be suppressed), then one row per payload with the payload in every text column (rejected: a payload is not a
 * pseudonymous id, a technique or a condition). An extra column per payload has it as header and as value.
 */
function hostileCsv(): string {
	const headers = ['Client', 'Date', 'Technique', 'Condition', 'Therapist', 'Clinic', 'Pain before', 'Pain after', ...PAYLOADS];
	const good = Array.from({ length: 12 }, (_, i) => [`C${100 + i}`, `2025-01-${10 + i}`, 'Swedish', 'Neck pain', 'T01', 'North', '6', '4', ...PAYLOADS]);
	const hostile = PAYLOADS.map((p, i) => [p, `2025-05-${10 + i}`, p, p, p, p, '5', '3', ...PAYLOADS]);
	return [headers, ...good, ...hostile].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

test('markup and script in a file’s name, headers and every text cell never run and are shown as text', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => void dialogs.push(`${dialog.type()}: ${dialog.message()}`));
	await page.addInitScript(() => {
		const fired: string[] = [];
		Object.assign(window, { xss: (what: string) => fired.push(String(what)), xssFired: fired });
	});
	const fileName = `${PAYLOADS[1]}.csv`;

	await openData(page);
	await page.getByLabel('Import data').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(hostileCsv()) });
	await expect(page.getByRole('heading', { name: fileName })).toBeVisible({ timeout: LONG });
	const columns = page.getByRole('table', { name: 'Columns in the file and what each holds' });
	for (const payload of PAYLOADS) await expect(columns.getByText(payload, { exact: true }).first()).toBeVisible();
	await page.getByLabel('Dataset name').fill(PAYLOADS[0]);

	await checkRows(page, '24', '12 rows can be imported, 12 rows rejected');
	const rejected = page.getByRole('table', { name: /Rejected rows/ });
	for (const payload of PAYLOADS) await expect(rejected.getByText(payload).first()).toBeAttached();
	await page.screenshot({ path: 'tests/e2e/screenshots/xss-report.png', fullPage: true });
	await importRows(page, '12', '12 rows imported, 12 rows rejected');
	await expect(page.getByText('Kept in this browser: it will be there next time.')).toBeVisible({ timeout: LONG });

	await page.getByRole('link', { name: 'See the overview' }).click();
	await expect(kpi(page, 'Sessions')).toHaveText('12', { timeout: LONG });
	await expect(page.getByText(`Dataset: ${PAYLOADS[0]}`)).toBeVisible();

	// The SQL console shows values and column names as text too.
	await page.getByRole('link', { name: 'SQL' }).click();
	await page.getByLabel('SQL query').fill(`SELECT '${PAYLOADS[2].replaceAll("'", "''")}' AS "${PAYLOADS[1].replaceAll('"', '""')}"`);
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const result = page.getByRole('region', { name: 'Query result' });
	await expect(result.locator('tbody td')).toHaveText([PAYLOADS[2]]);
	await expect(result.locator('thead')).toContainText(PAYLOADS[1]);

	expect(await page.evaluate(() => (window as unknown as { xssFired: string[] }).xssFired)).toEqual([]);
	expect(dialogs).toEqual([]);
	expect(await page.locator('iframe, [onerror], [onload], [ontoggle], [onmouseover], a[href^="javascript:"]').count()).toBe(0);
});
