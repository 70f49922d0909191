import { describe, expect, it } from 'vitest';
import { findIdentifierColumns } from '$lib/ingest';

const kinds = (headers: string[], rows: unknown[][] = []) =>
	findIdentifierColumns(headers, rows).map((f) => [f.column, f.kind]);

describe('finding direct identifiers in an uploaded table', () => {
	it('by the names practice-management exports give them', () => {
		expect(
			kinds([
				'Client Name', 'First Name', 'Surname', 'E-mail', 'Email Address', 'Phone', 'Mobile', 'OHIP #', 'Health Card Number',
				'Postal Code', 'Address Line 1', 'DOB', 'Date of Birth', 'SOAP Notes', 'Comments', 'Chart No', 'Insurance ID',
				'Policy Number', 'Therapist Name', 'Registration Number'
			])
		).toEqual([
			['Client Name', 'name'], ['First Name', 'name'], ['Surname', 'name'], ['E-mail', 'email'], ['Email Address', 'email'],
			['Phone', 'phone'], ['Mobile', 'phone'], ['OHIP #', 'health_card'], ['Health Card Number', 'health_card'],
			['Postal Code', 'postal_code'], ['Address Line 1', 'street_address'], ['DOB', 'date_of_birth'],
			['Date of Birth', 'date_of_birth'], ['SOAP Notes', 'free_text'], ['Comments', 'free_text'], ['Chart No', 'record_number'],
			['Insurance ID', 'record_number'], ['Policy Number', 'record_number'], ['Therapist Name', 'name'],
			['Registration Number', 'record_number']
		]);
	});

	it('leaves the outcome columns alone', () => {
		const headers = ['client_id', 'Session Date', 'Modality', 'Technique Name', 'Condition', 'Pain before', 'Pain after', 'Age band', 'Sex', 'Duration (min)'];
		const rows = [
			['C7K2QX', '2025-03-04', 'Deep Tissue', 'Deep Tissue', 'Low back pain', 7, 4, '40-49', 'female', 60],
			['C9P3ZA', '2025-03-05', 'Swedish', 'Swedish', 'Neck pain', 5, 3, '30-39', 'male', 45],
			['C2M8RT', '2025-03-06', 'Trigger Point', 'Trigger Point', 'Neck pain', 6, 5, '50-59', 'female', 60],
			['C4H6WE', '2025-03-07', 'Deep Tissue', 'Deep Tissue', 'Low back pain', 8, 6, '60-69', 'female', 90],
			['C5J7NB', '2025-03-08', 'Swedish', 'Swedish', 'Low back pain', 4, 2, '18-29', 'male', 60]
		];
		expect(findIdentifierColumns(headers, rows)).toEqual([]);
	});

	it('by content, whatever the header says', () => {
		const headers = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
		const rows = [
			['jane.doe@example.com', '519-555-0134', '1234-567-890-AB', 'N6A 3K7', '221 Richmond St', 'Jane Doe', '1961-04-12', 'Client reports tightness in the left trapezius after long shifts at work.'],
			['', '(519) 555-0199', '9876543210', 'N5Y4X2', '12 Oxford Street East', 'Amir Haddad', '1988-11-30', 'Felt dizzy when getting up from the table; advised to hydrate and rest today.'],
			['li.wei@mail.ca', '+1 519 555 0111', '1112223334', 'N6G 1Z9', '5 Wharncliffe Rd S', 'Li Wei', '1945-02-01', 'Recovering from rotator cuff repair, surgeon cleared for light work this week.'],
			['', '', '', '', '', 'Maria Santos', '2001-07-19', 'Tension headache since Monday; neck stiff on rotation to the right side only.'],
			['', '', '', '', '', 'Tom Becker', '1979-09-09', 'Prefers lighter pressure over the lumbar area; sleeps badly on the left side.']
		];
		expect(findIdentifierColumns(headers, rows).map((f) => [f.column, f.kind, f.evidence])).toEqual([
			['a', 'email', '2 of 2 values look like one'],
			['b', 'phone', '3 of 3 values look like one'],
			['c', 'health_card', '3 of 3 values look like one'],
			['d', 'postal_code', '3 of 3 values look like one'],
			['e', 'street_address', '3 of 3 values look like one'],
			['f', 'name', 'most values look like personal names'],
			['g', 'date_of_birth', 'the dates span more than 30 years, as birth dates do'],
			['h', 'free_text', 'many values are sentences of free text']
		]);
	});

	it('says why each column cannot be loaded', () => {
		const [email] = findIdentifierColumns(['Email'], [['x@y.ca']]);
		expect(email).toEqual({ column: 'Email', kind: 'email', evidence: 'the column is named "Email"', reason: 'email addresses identify a person directly' });
	});

	it('needs a real share of identifying values, not one stray match', () => {
		const rows = Array.from({ length: 20 }, (_, i) => [i === 0 ? 'someone@example.com' : `code-${i}`]);
		expect(findIdentifierColumns(['ref'], rows)).toEqual([]);
		expect(findIdentifierColumns(['ref'], rows, { minShare: 0.05 }).map((f) => f.kind)).toEqual(['email']);
	});
});

describe('the bundled demo data', () => {
	it('holds no column that looks identifying', async () => {
		const { readFileSync } = await import('node:fs');
		const { gunzipSync } = await import('node:zlib');
		for (const table of ['clients', 'therapists', 'sessions', 'measurements']) {
			const [header, ...lines] = gunzipSync(readFileSync(`data/${table}.csv.gz`)).toString('utf8').trim().split('\n');
			const rows = lines.slice(0, 2000).map((line) => line.split(','));
			expect(findIdentifierColumns(header.split(','), rows), table).toEqual([]);
		}
	});
});
