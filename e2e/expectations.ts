/**
 * What each Manual-Trigger workflow must do when run by `n8n execute`, keyed by file name
 * (examples/*.json and e2e/fixtures/*.json). A workflow without an entry here fails the
 * suite: every example a user can import must be proven, not just run.
 */
import assert from 'node:assert/strict';
import type { UserflowEmulator } from '../emulator';
import { nodeOutputItems, type ExecutedRun } from './lib/rawOutput';

export interface ExampleContext {
	run: ExecutedRun;
	emulator: UserflowEmulator;
}

export interface ExampleExpectation {
	/** Puts into the (freshly reset) emulator what the workflow reads. */
	arrange?(emulator: UserflowEmulator): void;
	/** Throws (node:assert) when n8n's output or the emulator's state is not what a user expects. */
	check(context: ExampleContext): void;
}

export const expectations: Record<string, ExampleExpectation> = {
	// Proves n8n loaded the credential type from the installed package and applies its
	// generic authenticate block (Bearer key + version header) to a stock n8n node.
	'smoke-credential.json': {
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
};
