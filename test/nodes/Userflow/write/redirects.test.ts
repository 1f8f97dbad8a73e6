/**
 * Redirects are never followed, by any request of the package: a redirecting Base URL or
 * proxy must not receive-and-forward the key or the data, and a write must never become a
 * read. A second local server records whether anything reached the redirect's target.
 */
import type { RedirectOptions } from '../../../../emulator';
import { UserflowApi } from '../../../../credentials/UserflowApi.credentials';
import { testCredential } from '../../../harness';
import { cursorOf, useKit } from '../../UserflowTrigger/pollTestKit';
import { runUserflow, useEmulator } from '../engineHelpers';
import { recordingServer, type LocalServer } from '../localServers';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

let target: LocalServer;
beforeEach(async () => {
	target = await recordingServer();
});
afterEach(async () => await target.close());

function redirect(status: RedirectOptions['status']): RedirectOptions {
	return { status, location: `${target.url}/collect?key=secret&user=u1` };
}

function expectRefused(message: string | undefined, status: number) {
	expect(message).toBe(`Userflow's address answered with a redirect (${status}) to ${target.url}; redirects are not followed`);
	expect(message).not.toContain('collect');
}

describe('Userflow node: redirects are refused', () => {
	const emulator = useEmulator();

	it.each([301, 302, 303, 307, 308] as const)('an upsert answered %i: nothing reaches the target, nothing is stored, the item fails', async (status) => {
		emulator().configure({ redirect: redirect(status) });
		const result = await runUserflow(
			emulator(),
			{ resource: 'user', operation: 'upsert', userId: '={{ $json.id }}', attributeInput: 'json', attributesJson: '{"plan": "pro"}', options: { checkNameCase: false } },
			{ items: [{ id: 'u1' }, { id: 'u2' }], continueOnFail: true },
		);
		const output = result.outputOf('Userflow');
		expect(output).toHaveLength(2);
		for (const item of output) {
			expectRefused(item.error?.message, status);
			expect(item.error?.description).toContain('Nothing was sent');
		}
		expect(target.received).toEqual([]);
		// One request per item: a redirect is final, not retried.
		expect(emulator().requests.map((request) => [request.method, request.status])).toEqual([
			['POST', status],
			['POST', status],
		]);
	});

	it.each([301, 307] as const)('a Get, an Update (read first) and a Get Many answered %i deliver nothing to the target', async (status) => {
		emulator().configure({ redirect: redirect(status) });
		const get = await runUserflow(emulator(), { resource: 'user', operation: 'get', userId: byId('u1') });
		expectRefused(get.error?.message, status);
		expect(get.error).toMatchObject({ httpCode: String(status) });
		const update = await runUserflow(emulator(), {
			resource: 'group',
			operation: 'update',
			groupId: byId('acme'),
			attributeInput: 'json',
			attributesJson: '{"plan": "pro"}',
			options: { checkNameCase: false },
		});
		expectRefused(update.error?.message, status);
		const list = await runUserflow(emulator(), { resource: 'user', operation: 'getAll', returnAll: true });
		expectRefused(list.error?.message, status);
		// The case guard's lookup is refused too (and says the lookup failed).
		const guarded = await runUserflow(emulator(), { resource: 'user', operation: 'upsert', userId: 'u1', attributes: { attribute: [{ name: 'plan', value: 'pro' }] } });
		expect(guarded.error?.message).toContain('the lookup of Userflow');
		expect(guarded.error?.message).toContain(`redirect (${status}) to ${target.url}`);
		expect(target.received).toEqual([]);
	});

	it.each([301, 307] as const)('the credential test answered %i fails and sends the key nowhere', async (status) => {
		emulator().configure({ redirect: redirect(status) });
		const result = await testCredential(UserflowApi, { apiKey: emulator().apiKey, baseUrl: emulator().baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`redirect (${status}); redirects are not followed`);
		expect(target.received).toEqual([]);
		expect(emulator().requests).toHaveLength(1);
	});
});

describe('Userflow Trigger: redirects are refused', () => {
	const kit = useKit();

	it.each([301, 307] as const)('a poll answered %i fails, sends nothing to the target and keeps no state', async (status) => {
		kit.emulator.configure({ redirect: redirect(status) });
		const poller = kit.poller();
		await expect(kit.poll(poller)).rejects.toThrow(`Userflow's address answered with a redirect (${status}) to ${target.url}`);
		expect(target.received).toEqual([]);
		expect(cursorOf(poller)).toBeUndefined();
		kit.emulator.configure({ redirect: null });
	});
});
