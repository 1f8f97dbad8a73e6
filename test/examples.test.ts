import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator, type UserflowEmulator } from '../emulator';
import { EXAMPLE_EXPECTATIONS } from '../examples/expectations';
import { seedExampleEnvironment } from '../examples/seed';
import { runTriggerExample, TRIGGER_EXAMPLES } from '../examples/triggerExamples';
import { runWebhookExample, WEBHOOK_TRIGGER_EXAMPLES } from '../examples/webhookExamples';
import { runWorkflow, type WorkflowJson } from './harness';

/**
 * The workflows users import (examples/, version 2 of the Userflow node), and the same
 * workflows as 0.1.0 shipped them (test/fixtures/v1/examples, version 1): saved workflows
 * keep loading and running and keep every promise. Run in order: later ones read what
 * earlier ones wrote.
 */
describe.each([
	['examples/', join(__dirname, '..', 'examples'), 2],
	['0.1.0\'s examples (node version 1)', join(__dirname, 'fixtures', 'v1', 'examples'), 1],
])('%s through n8n\'s engine', (_label, EXAMPLES_DIR, nodeVersion) => {
	const exampleFiles = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json')).sort();
	let emulator: UserflowEmulator;

	beforeAll(async () => {
		emulator = await startEmulator();
		seedExampleEnvironment(emulator);
	});
	afterAll(async () => await emulator.close());

	it('has an expectation for every example', () => {
		const promised = EXAMPLE_EXPECTATIONS.map((e) => e.file);
		expect(exampleFiles.filter((file) => !promised.includes(file))).toEqual([]);
		// Every promise has its workflow in examples/; 0.1.0's fixtures predate the newer examples.
		if (nodeVersion === 2) expect([...promised].sort()).toEqual(exampleFiles);
	});

	it(`uses version ${nodeVersion} of the Userflow node`, () => {
		for (const file of exampleFiles) {
			const { nodes } = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
			const versions = nodes.filter((node) => node.type === 'n8n-nodes-userflow.userflow').map((node) => node.typeVersion);
			expect({ file, versions: [...new Set(versions)] }).toEqual({ file, versions: [nodeVersion] });
		}
	});

	it.each(exampleFiles.filter((file) => !TRIGGER_EXAMPLES[file] && !WEBHOOK_TRIGGER_EXAMPLES[file]))('%s does what it promises', async (file) => {
		const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
		const result = await runWorkflow(workflow, {
			credentials: { userflowApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } },
		});
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		const sources = new Set(Object.keys(workflow.connections));
		const last = workflow.nodes.filter((node) => !sources.has(node.name)).at(-1)!.name;
		const expectation = EXAMPLE_EXPECTATIONS.find((e) => e.file === file)!;
		expect(expectation.problems({ store: emulator.store, output: result.itemsOf(last) })).toEqual([]);
	});

	it.each(exampleFiles.filter((file) => TRIGGER_EXAMPLES[file]))(
		'%s emits nothing at activation, then runs once per new completion',
		async (file) => {
			const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
			const credentials = { userflowApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } };
			const run = await runTriggerExample(file, workflow, emulator, credentials);
			expect(run.emittedAtActivation).toBe(0);
			expect(run.status).toBe('success');
			const expectation = EXAMPLE_EXPECTATIONS.find((e) => e.file === file)!;
			expect(expectation.problems({ store: emulator.store, output: run.output })).toEqual([]);
		},
	);

	// 0.1.0 had no Webhook Trigger, so its fixtures hold no such example (and jest refuses an empty table).
	const webhookExampleFiles = exampleFiles.filter((file) => WEBHOOK_TRIGGER_EXAMPLES[file]);
	if (webhookExampleFiles.length > 0) it.each(webhookExampleFiles)(
		'%s runs once per signed notification the emulator delivers',
		async (file) => {
			const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
			const credentials = { userflowApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } };
			const run = await runWebhookExample(file, workflow, emulator, credentials);
			expect(run.status).toBe('success');
			const expectation = EXAMPLE_EXPECTATIONS.find((e) => e.file === file)!;
			expect(expectation.problems({ store: emulator.store, output: run.output })).toEqual([]);
			expect(run.output.length).toBeGreaterThan(0);
			// Unpublished at the end: the example leaves no subscription behind.
			expect(emulator.store.webhookSubscriptions.size).toBe(0);
		},
	);
});
