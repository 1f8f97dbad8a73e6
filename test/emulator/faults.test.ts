import { startEmulator, type UserflowEmulator } from '../../emulator';
import { call, post } from './helpers';

/** Outcome of one request: the status, or 'reset' when the connection died without an answer. */
async function outcome(emulator: UserflowEmulator, path: string, body?: unknown, method?: string): Promise<number | 'reset'> {
	try {
		if (method) return (await call(emulator, path, { method, body })).status;
		return (body === undefined ? await call(emulator, path) : await post(emulator, path, body)).status;
	} catch {
		return 'reset';
	}
}

describe('emulator injected faults', () => {
	let emulator: UserflowEmulator;
	afterEach(() => emulator?.close());

	async function run(seed: number, count: number): Promise<Array<number | 'reset'>> {
		emulator = await startEmulator({ faults: { serverErrorRate: 0.3, resetRate: 0.2, seed } });
		emulator.seedUsers(1);
		const results: Array<number | 'reset'> = [];
		for (let i = 0; i < count; i++) results.push(await outcome(emulator, '/users'));
		await emulator.close();
		return results;
	}

	it('fails at roughly the given rates, identically for the same seed', async () => {
		const first = await run(7, 60);
		const again = await run(7, 60);
		const other = await run(8, 60);
		expect(again).toEqual(first);
		expect(other).not.toEqual(first);
		const count = (value: number | 'reset') => first.filter((o) => o === value).length;
		expect(count(500) + count(503)).toBeGreaterThan(6);
		expect(count('reset')).toBeGreaterThan(3);
		expect(count(200)).toBeGreaterThan(15);
		expect(count(200) + count(500) + count(503) + count('reset')).toBe(60);
	});

	it('records a reset request with status 0 and a 5xx with its status', async () => {
		emulator = await startEmulator({ faults: { resetRate: 1 } });
		expect(await outcome(emulator, '/users')).toBe('reset');
		emulator.configure({ faults: { serverErrorRate: 1 } });
		const failed = await call(emulator, '/users');
		expect([500, 503]).toContain(failed.status);
		expect(failed.body.error.code).toMatch(/^(internal_error|service_unavailable)$/);
		expect(emulator.requests.map((r) => r.status)).toEqual([0, failed.status]);
	});

	it('without faultAfterWrite, a failed POST stores nothing', async () => {
		emulator = await startEmulator({ faults: { serverErrorRate: 1 } });
		expect([500, 503]).toContain(await outcome(emulator, '/users', { id: 'u1' }));
		emulator.configure({ faults: { resetRate: 1 } });
		expect(await outcome(emulator, '/groups', { id: 'g1' })).toBe('reset');
		expect([emulator.store.users.size, emulator.store.groups.size]).toEqual([0, 0]);
	});

	it('with faultAfterWrite, a POST is stored and then fails (5xx or reset)', async () => {
		emulator = await startEmulator({ faults: { serverErrorRate: 1, faultAfterWrite: true } });
		emulator.seedUsers(1);
		expect([500, 503]).toContain(await outcome(emulator, '/users', { id: 'u1', attributes: { a: 1 } }));
		expect(emulator.store.users.get('u1')?.attributes).toEqual({ a: 1 });
		emulator.configure({ faults: { resetRate: 1, faultAfterWrite: true } });
		expect(await outcome(emulator, '/events', { name: 'signed_up', user_id: 'u1' })).toBe('reset');
		expect(emulator.store.events.map((e) => [e.name, e.user_id])).toEqual([['signed_up', 'u1']]);
		// Reads still fail before doing anything.
		expect(await outcome(emulator, '/users/u1')).toBe('reset');
		expect(emulator.requests.map((r) => r.status)).toEqual([expect.any(Number), 0, 0]);
	});

	it('with faultAfterWrite, every write route applies the write and then fails: DELETE and PATCH too', async () => {
		emulator = await startEmulator({ faults: { serverErrorRate: 1, faultAfterWrite: true } });
		emulator.seedUsers(1, { idPrefix: 'u' });
		emulator.seedGroups(1, { idPrefix: 'g' });
		const subscription = emulator.store.webhookSubscriptions;
		emulator.configure({ faults: null });
		const created = await post(emulator, '/webhook_subscriptions', { url: 'https://example.com/hook', topics: ['user'], api_version: '2020-01-03' });
		const id = created.body.id as string;
		emulator.configure({ faults: { serverErrorRate: 1, faultAfterWrite: true } });
		expect([500, 503]).toContain((await call(emulator, '/users/u1', { method: 'DELETE' })).status);
		expect(emulator.store.users.has('u1')).toBe(false);
		expect([500, 503]).toContain((await call(emulator, `/webhook_subscriptions/${id}`, { method: 'PATCH', body: { disabled: true } })).status);
		expect(subscription.get(id)?.disabled).toBe(true);
		emulator.configure({ faults: { resetRate: 1, faultAfterWrite: true } });
		expect(await outcome(emulator, '/groups/g1', undefined, 'DELETE')).toBe('reset');
		expect(emulator.store.groups.has('g1')).toBe(false);
	});

	it('slows responses without failing them', async () => {
		emulator = await startEmulator({ faults: { slowRate: 1, slowMs: 20 }, latencyMs: 5 });
		expect(await outcome(emulator, '/users')).toBe(200);
		emulator.configure({ faults: null, latencyMs: 0 });
		expect(await outcome(emulator, '/users')).toBe(200);
	});
});
