/**
 * What each Manual-Trigger workflow must do when run by `n8n execute`, keyed by file name.
 * examples/*.json: the examples' own promises (examples/expectations.ts, shared with
 * `npm run demo` and the engine tests); they run in file order against one emulator, seeded
 * as the demo seeds it, because later examples build on what earlier ones stored.
 * e2e/fixtures/*.json: the entries below, each on a freshly reset emulator.
 * A workflow without an entry fails the suite: every example must be proven, not just run.
 */
import assert from 'node:assert/strict';
import type { IDataObject } from 'n8n-workflow';
import type { UserflowEmulator } from '../emulator';
import { EXAMPLE_EXPECTATIONS } from '../examples/expectations';
import { aiToolExpectation } from './scenarios/aiTool';
import { nodeOutputItems, type ExecutedRun } from './lib/rawOutput';
import { lastNodeName, type WorkflowJson } from './lib/workflows';

export interface ExampleContext {
	run: ExecutedRun;
	emulator: UserflowEmulator;
	workflow: WorkflowJson;
}

export interface ExampleExpectation {
	/** Reset the emulator (store and recorded requests) before this workflow. */
	freshEmulator?: boolean;
	/** Puts into the emulator what the workflow reads. */
	arrange?(emulator: UserflowEmulator): void;
	/** Throws (node:assert) when n8n's output or the emulator's state is not what a user expects. */
	check(context: ExampleContext): void;
}

const fromExamples: Record<string, ExampleExpectation> = Object.fromEntries(
	EXAMPLE_EXPECTATIONS.map((example) => [
		example.file,
		{
			check({ run, emulator, workflow }: ExampleContext) {
				// n8n printed the items as JSON, so they are JSON values (IDataObject).
				const output = nodeOutputItems(run, lastNodeName(workflow)) as IDataObject[];
				assert.deepEqual(example.problems({ store: emulator.store, output }), [], `${example.file} did not do what it promises`);
			},
		},
	]),
);

export const expectations: Record<string, ExampleExpectation> = {
	...fromExamples,
	// Proves n8n loaded the credential type from the installed package and applies its
	// generic authenticate block (Bearer key + version header) to a stock n8n node.
	'smoke-credential.json': {
		freshEmulator: true,
		check({ run, emulator }) {
			const user = emulator.store.users.get('e2e_smoke');
			assert.ok(user, 'the emulator has no user e2e_smoke');
			assert.deepEqual(user.attributes, { name: 'Smoke Test', plan: 'pro' });

			const writes = emulator.requests.filter((r) => r.method === 'POST' && r.path === '/users');
			assert.equal(writes.length, 1, 'exactly one POST /users');
			assert.equal(writes[0].headers.authorization, `Bearer ${emulator.apiKey}`, 'the Bearer header from the credential');
			assert.equal(writes[0].headers['userflow-version'], '2020-01-03');

			const [output] = nodeOutputItems(run, 'Upsert through HTTP Request');
			assert.equal(output?.id, 'e2e_smoke', "the node outputs the emulator's user object");
		},
	},
	'ai-tool-upsert-user.json': aiToolExpectation,
};
