/**
 * Every Manual-Trigger workflow in examples/ (and e2e/fixtures/) imported into n8n and run with
 * `n8n execute --id=... --rawOutput`, in file order (examples first), then checked against its
 * entry in e2e/expectations.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { UserflowEmulator } from '../../emulator';
import { seedExampleEnvironment } from '../../examples/seed';
import { expectations } from '../expectations';
import type { N8nCli } from '../lib/n8nCli';
import { tail } from '../lib/n8nCli';
import { parseRawOutput, runFailure } from '../lib/rawOutput';
import { n8nId, prepareForImport, readWorkflow, startsWithManualTrigger, writeJson, type ImportedCredential } from '../lib/workflows';
import type { Report } from '../lib/report';
import { TRIGGER_EXAMPLE_FILES } from './pollingTrigger';
import { WEBHOOK_EXAMPLE_FILES } from './webhookTrigger';

export interface ExamplesInput {
	n8n: N8nCli;
	emulator: UserflowEmulator;
	credential: ImportedCredential;
	/** Folders whose *.json workflows are candidates (examples/, e2e/fixtures/). */
	folders: string[];
	workDir: string;
	report: Report;
}

export async function runExamples({ n8n, emulator, credential, folders, workDir, report }: ExamplesInput): Promise<void> {
	const files = folders.flatMap((folder) =>
		listJson(folder).map((name) => ({ name, path: join(folder, name) })),
	);
	// The examples build on each other, on one emulator seeded as `npm run demo` seeds it.
	emulator.reset();
	seedExampleEnvironment(emulator);
	let counter = 0;
	for (const file of files) {
		const workflow = readWorkflow(file.path, emulator.baseUrl);
		if (!startsWithManualTrigger(workflow)) {
			// Covered by the running-n8n trigger scenario; anything else would go unproven.
			if (![...TRIGGER_EXAMPLE_FILES, ...WEBHOOK_EXAMPLE_FILES].includes(file.name) && !file.path.includes('fixtures')) {
				await report.step(`example ${file.name}`, async () => {
					throw new Error(`${file.name} starts at a trigger no e2e scenario runs`);
				});
			}
			continue;
		}
		const step = `example ${file.name}`;
		await report.step(step, async () => {
			const expectation = expectations[file.name];
			if (!expectation) throw new Error(`no entry for ${file.name} in e2e/expectations.ts`);

			if (expectation.freshEmulator) emulator.reset();
			expectation.arrange?.(emulator);

			const id = n8nId('e2ewf', ++counter);
			const importFile = writeJson(join(workDir, `import-${id}.json`), prepareForImport(workflow, id, credential));
			await n8n.runOk('import:workflow', `--input=${importFile}`);

			const result = await n8n.run('execute', `--id=${id}`, '--rawOutput');
			const run = parseRawOutput(result.stdout);
			if (!run) throw new Error(`n8n execute printed no run (exit ${result.code})\n${tail(result.stdout + result.stderr)}`);
			const failure = runFailure(run);
			if (failure || result.code !== 0) throw new Error(`the workflow failed in n8n (exit ${result.code}): ${failure ?? 'see output'}`);

			expectation.check({ run, emulator, workflow });
		});
	}
}

function listJson(folder: string): string[] {
	try {
		return readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
	} catch {
		return []; // examples/ may not exist yet
	}
}
