/**
 * `npm run demo`: starts the Userflow emulator on 127.0.0.1, runs every workflow in
 * examples/ through n8n's own engine (n8n-core) with this package's nodes, and prints what
 * each did and what Userflow (the emulator) stored. No Userflow account needed.
 */
// First: keeps n8n-core's encryption-key file in a temporary folder, not in $HOME.
import '../test/setup-env';

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type UserflowEmulator } from '../emulator';
import { runWorkflow, type WorkflowJson } from '../test/harness';
import { EXAMPLE_EXPECTATIONS } from './expectations';
import { COMPLETING_USERS, seedExampleEnvironment } from './seed';
import { runTriggerExample, TRIGGER_EXAMPLES } from './triggerExamples';
import { runWebhookExample, WEBHOOK_TRIGGER_EXAMPLES } from './webhookExamples';

function lastNodeName(workflow: WorkflowJson): string {
	const sources = new Set(Object.keys(workflow.connections ?? {}));
	const sinks = workflow.nodes.filter((node) => !sources.has(node.name));
	return sinks[sinks.length - 1].name;
}

function requestSummary(emulator: UserflowEmulator, since: number): string {
	const counts = new Map<string, number>();
	for (const request of emulator.requests.slice(since)) {
		const path = request.path.replace(/^\/(users|groups|content|webhook_subscriptions)\/[^/]+/, '/$1/{id}');
		const key = `${request.method} ${path} → ${request.status}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts].map(([key, count]) => `${key} ×${count}`).join(', ');
}

async function main() {
	const emulator = await startEmulator({ latencyMs: 20 });
	seedExampleEnvironment(emulator);
	const credentials = { userflowApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } };
	console.log(`Userflow emulator at ${emulator.baseUrl} (key ${emulator.apiKey})\n`);

	const files = readdirSync(__dirname).filter((file) => file.endsWith('.json')).sort();
	let failures = 0;
	for (const file of files) {
		const workflow = JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as WorkflowJson;
		const since = emulator.requests.length;
		let output: IDataObject[];
		let status: string;
		let deliveries: string | undefined;
		if (WEBHOOK_TRIGGER_EXAMPLES[file]) {
			const run = await runWebhookExample(file, workflow, emulator, credentials);
			({ output, deliveries } = run);
			status = `${run.status} (published, users answered the survey and completed flows, ${run.executions} execution(s) started, unpublished)`;
		} else if (TRIGGER_EXAMPLES[file]) {
			({ output, status } = await runTriggerExample(file, workflow, emulator, credentials));
			status = `${status} (activated, then ${COMPLETING_USERS.length} users completed "Welcome tour", then polled)`;
		} else {
			const result = await runWorkflow(workflow, { credentials });
			status = result.error ? `error: ${result.error.message}` : result.status;
			output = result.itemsOf(lastNodeName(workflow));
		}
		const expectation = EXAMPLE_EXPECTATIONS.find((e) => e.file === file);
		const problems = expectation ? expectation.problems({ store: emulator.store, output }) : [];
		const ok = status.startsWith('success') && problems.length === 0;
		if (!ok) failures++;
		console.log(`${ok ? '✔' : '✘'} ${file} (${workflow.name})`);
		console.log(`    run: ${status}; ${output.length} item(s) out`);
		console.log(`    requests: ${requestSummary(emulator, since) || 'none'}`);
		if (deliveries) console.log(`    webhooks: ${deliveries}`);
		if (expectation) console.log(`    result: ${expectation.summary({ store: emulator.store, output })}`);
		for (const problem of problems) console.log(`    problem: ${problem}`);
	}

	const { store } = emulator;
	console.log(
		`\nUserflow now holds ${store.users.size} users, ${store.groups.size} groups, ${store.memberships.size} memberships, ${store.events.length} events.`,
	);
	await emulator.close();
	if (failures > 0) {
		console.log(`${failures} example(s) did not do what they promise.`);
		process.exitCode = 1;
	}
}

void main();
