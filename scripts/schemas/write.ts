/** `npm run schemas`: regenerates the shipped output schemas (see generate.ts). */
import '../../test/setup-env';

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { generateSchemas } from './generate';

const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
	const files = await generateSchemas();
	// Stale files of removed operations must not linger: the folders are generated whole.
	for (const node of ['Userflow', 'UserflowTrigger', 'UserflowWebhookTrigger']) rmSync(join(ROOT, 'nodes', node, '__schema__'), { recursive: true, force: true });
	for (const file of files) {
		mkdirSync(dirname(join(ROOT, file.path)), { recursive: true });
		writeFileSync(join(ROOT, file.path), file.content);
	}
	console.log(`Wrote ${files.length} schema files under nodes/*/__schema__`);
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
