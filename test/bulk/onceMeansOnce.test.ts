/**
 * Once means once, through n8n's engine: under 5xx answers and dropped connections that
 * happen AFTER Userflow applied the write, a request is resent only when resending cannot
 * apply it twice. Cumulative changes (Add, Subtract, Append, Prepend) are like events:
 * every counter ends at exactly 1, or its item says the change may have been applied.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator, type UserflowEmulator } from '../../emulator';
import { codeNode, manualTrigger, runWorkflow, userflowNode, workflow } from '../harness';

const KEY_PER_TEST = () => `ak_once_${Math.random().toString(36).slice(2)}`;
const MAY_HAVE_BEEN_APPLIED = /^(Userflow answered with a server error \(50[03]\)|The connection to Userflow dropped before an answer); the change may have been applied and was not sent again$/;

async function runBulk(emulator: UserflowEmulator, apiKey: string, items: object[], parameters: INodeParameters) {
	return await runWorkflow(
		workflow([
			manualTrigger(),
			codeNode(`return ${JSON.stringify(items.map((json) => ({ json })))};`),
			userflowNode({ ...parameters, options: { checkNameCase: false } }, 'Userflow', { continueOnFail: true }),
		]),
		{ credentials: { userflowApi: { apiKey, baseUrl: emulator.baseUrl } } },
	);
}

describe('once means once: what may have been applied is not resent', () => {
	let emulator: UserflowEmulator;
	let apiKey: string;

	beforeEach(async () => {
		apiKey = KEY_PER_TEST();
		// A small burst: 429s come early even on a loaded machine that cannot send fast.
		emulator = await startEmulator({ apiKeys: [apiKey], rateLimit: { perSecond: 25, burst: 4 } });
	});
	afterEach(async () => await emulator.close());

	function statuses() {
		return emulator.requests.map((request) => request.status);
	}

	it('a bulk upsert with Add under 5xx and resets after the write: every counter is exactly 1, or its item says so', async () => {
		const users = Array.from({ length: 150 }, (_, i) => ({ id: `once_${i}` }));
		emulator.configure({ faults: { serverErrorRate: 0.05, resetRate: 0.05, faultAfterWrite: true, seed: 7 } });

		const result = await runBulk(emulator, apiKey, users, {
			resource: 'user',
			operation: 'upsert',
			userId: '={{ $json.id }}',
			attributes: { attribute: [{ name: 'logins', action: 'add', value: '1' }] },
		});

		const output = result.outputOf('Userflow');
		expect(output).toHaveLength(users.length);
		let mayHaveBeenApplied = 0;
		output.forEach((item, index) => {
			const stored = emulator.store.users.get(users[index].id)?.attributes;
			// faultAfterWrite: a failed write was applied all the same; it must not be applied twice.
			expect(stored).toEqual({ logins: 1 });
			if (item.error) {
				mayHaveBeenApplied++;
				expect(item.error.message).toMatch(MAY_HAVE_BEEN_APPLIED);
				expect(item.error.description).toContain('Add, Subtract, Append or Prepend');
			} else {
				expect(item.json).toMatchObject({ id: users[index].id, attributes: { logins: 1 } });
			}
		});
		// The run met every kind of trouble, so the test proves something.
		expect(mayHaveBeenApplied).toBeGreaterThan(0);
		expect(statuses().filter((status) => status === 429).length).toBeGreaterThan(0);
		expect(statuses().filter((status) => status >= 500).length).toBeGreaterThan(0);
		expect(statuses().filter((status) => status === 0).length).toBeGreaterThan(0);
		// 429s are resent (Userflow applied nothing): more requests than items.
		expect(emulator.requests.length).toBeGreaterThan(users.length);
	});

	it('Append in a membership and Add on the group written with a user are not resent either', async () => {
		const rows = Array.from({ length: 90 }, (_, i) => ({ id: `m_${i}`, group: `g_${i % 3}` }));
		emulator.configure({ faults: { serverErrorRate: 0.08, resetRate: 0.04, faultAfterWrite: true, seed: 3 } });

		const memberships = await runBulk(emulator, apiKey, rows.slice(0, 45), {
			resource: 'membership',
			operation: 'add',
			userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			groupId: { __rl: true, mode: 'id', value: '={{ $json.group }}' },
			membershipAttributes: { attribute: [{ name: 'badges', action: 'append', value: 'early' }] },
		});
		const withGroup = await runBulk(emulator, apiKey, rows.slice(45), {
			resource: 'user',
			operation: 'upsert',
			userId: '={{ $json.id }}',
			addToGroup: true,
			groupId: '={{ $json.group }}',
			groupAttributes: { attribute: [{ name: 'seats', action: 'add', value: '1' }] },
		});

		const failed = [...memberships.outputOf('Userflow'), ...withGroup.outputOf('Userflow')].filter((item) => item.error);
		expect(failed.length).toBeGreaterThan(0);
		for (const item of failed) expect(item.error?.message).toMatch(MAY_HAVE_BEEN_APPLIED);
		for (const row of rows.slice(0, 45)) {
			expect(emulator.store.getMembership(row.id, row.group)?.attributes).toEqual({ badges: ['early'] });
		}
		// Each of the 45 upserts added 1 seat to its group exactly once.
		const seats = [0, 1, 2].map((g) => emulator.store.groups.get(`g_${g}`)?.attributes.seats);
		expect(seats).toEqual([15, 15, 15]);
	});

	it('plain values and Set are still resent after a 5xx: every item succeeds', async () => {
		const users = Array.from({ length: 100 }, (_, i) => ({ id: `set_${i}`, plan: i % 2 ? 'pro' : 'free' }));
		emulator.configure({ faults: { serverErrorRate: 0.08, resetRate: 0.04, faultAfterWrite: true, seed: 5 } });

		const result = await runBulk(emulator, apiKey, users, {
			resource: 'user',
			operation: 'upsert',
			userId: '={{ $json.id }}',
			attributes: {
				attribute: [
					{ name: 'plan', value: '={{ $json.plan }}' },
					{ name: 'first_seen', action: 'set_once', type: 'string', value: 'import' },
					{ name: 'old_tags', action: 'remove', value: 'beta' },
				],
			},
		});

		expect(result.outputOf('Userflow').filter((item) => item.error)).toEqual([]);
		for (const user of users) {
			expect(emulator.store.users.get(user.id)?.attributes).toEqual({ plan: user.plan, first_seen: 'import' });
		}
		expect(statuses().filter((status) => status >= 500 || status === 0).length).toBeGreaterThan(0);
	});

	it('a delete whose answer was lost is done: its resend finding nothing is a success, not "does not exist"', async () => {
		const ids = emulator.seedUsers(80, { idPrefix: 'del_' });
		emulator.configure({ faults: { serverErrorRate: 0.1, resetRate: 0.05, faultAfterWrite: true, seed: 9 } });

		const result = await runBulk(
			emulator,
			apiKey,
			ids.map((id) => ({ id })),
			{ resource: 'user', operation: 'delete', userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		);

		expect(result.outputOf('Userflow').map((item) => item.error?.message ?? item.json)).toEqual(ids.map((id) => ({ deleted: true, id })));
		expect(emulator.store.users.size).toBe(0);
		expect(emulator.requests.some((request) => request.method === 'DELETE' && request.status === 404)).toBe(true);
	});
});
