/**
 * The overview's first view of the bundled demo data, computed with the app's own code and kept in
 * src/lib/overview/demoPreview.json: a first visit shows it while the database starts (overviewPreview.ts). Run
 * after the demo data or the overview's figures change: `npm run demo-preview`. A unit test fails while the file
 * differs from the live figures.
 */
import { writeFileSync } from 'node:fs';
import { demoPreview } from './demoPreviewOf';

const file = 'src/lib/overview/demoPreview.json';
writeFileSync(file, (await demoPreview()) + '\n');
console.log(`wrote ${file}`);
