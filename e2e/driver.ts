/**
 * One end-to-end pass against one installed n8n version; started by e2e/run.sh, which builds
 * and packs the package and passes (environment):
 *   E2E_LABEL      "2" or "1" (the n8n major version, for logs)
 *   E2E_NODE_BIN   the node binary that runs this n8n
 *   E2E_N8N_BIN    e2e/n8n-<label>/node_modules/n8n/bin/n8n
 *   E2E_N8N_ENV    extra KEY=VALUE pairs for n8n, space-separated (may be empty)
 *   E2E_TARBALL    the `npm pack` tarball of this package
 *   E2E_SCENARIOS  comma-separated subset of "examples,trigger,webhook,cursors,agent,queue" (default: all; queue
 *                  runs on n8n 2 only)
 * Exit code 0 only when every step passed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../emulator';
import { importCredential } from './lib/credential';
import { N8nCli, type N8nInstall } from './lib/n8nCli';
import { freePort } from './lib/ports';
import { Report } from './lib/report';
import { createUserFolder } from './lib/userFolder';
import type { ImportedCredential } from './lib/workflows';
import { runAiAgent } from './scenarios/aiAgent';
import { runDurableCursors } from './scenarios/durableCursors';
import { runExamples } from './scenarios/examples';
import { runPollingTrigger } from './scenarios/pollingTrigger';
import { QUEUE_MODE_VERSIONS, runQueueMode } from './scenarios/queueMode';
import { runWebhookTrigger } from './scenarios/webhookTrigger';

const REPO_ROOT = join(__dirname, '..');

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set; start the suite with e2e/run.sh`);
	return value;
}

function parseEnvPairs(text: string): Record<string, string> {
	return Object.fromEntries(
		text
			.split(/\s+/)
			.filter(Boolean)
			.map((pair) => {
				const at = pair.indexOf('=');
				if (at < 1) throw new Error(`E2E_N8N_ENV: '${pair}' is not KEY=VALUE`);
				return [pair.slice(0, at), pair.slice(at + 1)];
			}),
	);
}

async function main(): Promise<number> {
	const install: N8nInstall = {
		label: required('E2E_LABEL'),
		nodeBin: required('E2E_NODE_BIN'),
		n8nBin: required('E2E_N8N_BIN'),
		extraEnv: parseEnvPairs(process.env.E2E_N8N_ENV ?? ''),
	};
	const scenarios = new Set(
		(process.env.E2E_SCENARIOS ?? 'examples,trigger,webhook,cursors,agent,queue').split(',').map((s) => s.trim()),
	);
	const report = new Report(`n8n-${install.label}`);

	// Strict: a request without the Userflow-Version header is answered 400, as a user would want to know.
	const emulator = await startEmulator({ port: 0, strictVersionHeader: true });
	const folder = createUserFolder(required('E2E_TARBALL'), install.label);
	const workDir = join(folder.root, 'e2e');
	mkdirSync(workDir);
	console.log(`[e2e n8n-${install.label}] user folder ${folder.root}, emulator ${emulator.baseUrl}`);
	const n8n = new N8nCli(install, folder.root, await freePort(), await freePort());

	try {
		let credential: ImportedCredential | undefined;
		await report.step('import the Userflow API credential', async () => {
			credential = await importCredential(n8n, emulator, workDir);
		});
		if (credential && scenarios.has('examples')) {
			await runExamples({
				n8n,
				emulator,
				credential,
				folders: [join(REPO_ROOT, 'examples'), join(__dirname, 'fixtures')],
				workDir,
				report,
			});
		}
		if (credential && scenarios.has('trigger')) {
			await runPollingTrigger({ n8n, emulator, credential, workDir, report });
		}
		if (credential && scenarios.has('webhook')) {
			await runWebhookTrigger({ n8n, emulator, credential, workDir, report });
		}
		if (credential && scenarios.has('agent')) await runAiAgent({ n8n, emulator, credential, workDir, report });
		if (scenarios.has('cursors')) await runDurableCursors({ install, tarball: required('E2E_TARBALL'), report });
		// Queue mode runs its own n8n processes, database and emulator (e2e/scenarios/queueMode.ts).
		if (scenarios.has('queue') && QUEUE_MODE_VERSIONS.includes(install.label)) {
			await runQueueMode({ install, tarball: required('E2E_TARBALL'), workDir, report });
		}
	} finally {
		await n8n.stop();
		await emulator.close();
	}
	console.log(report.summary());
	console.log(`[e2e n8n-${install.label}] n8n's logs and the imported files: ${folder.root}`);
	return report.failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(error.stack ?? error.message);
		process.exit(1);
	},
);
