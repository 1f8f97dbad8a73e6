import { expectUserflowHeaders, runUserflow, sent, useEmulator } from '../engineHelpers';

const ids = (items: Array<{ id?: unknown }>) => items.map((item) => item.id);
const range = (prefix: string, from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

describe('Userflow node: users and groups, Get Many', () => {
	const emulator = useEmulator();

	it('Return All follows the cursor in pages of 100 across page boundaries', async () => {
		emulator().seedUsers(230, { idPrefix: 'u' });
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			options: { orderBy: '-created_at' },
		});
		expect(result.status).toBe('success');
		expect(sent(emulator()).map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'GET', path: '/users', query: { order_by: '-created_at', limit: '100' } },
			{ method: 'GET', path: '/users', query: { order_by: '-created_at', limit: '100', starting_after: 'u131' } },
			{ method: 'GET', path: '/users', query: { order_by: '-created_at', limit: '100', starting_after: 'u31' } },
		]);
		expectUserflowHeaders(emulator());
		const items = result.itemsOf('Userflow');
		expect(ids(items)).toEqual(range('u', 1, 230).reverse());
	});

	it('exactly 100 records: the second page is asked for only because has_more says so', async () => {
		emulator().seedUsers(100, { idPrefix: 'u' });
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			options: { orderBy: 'created_at' },
		});
		expect(sent(emulator()).map((request) => request.query)).toEqual([{ order_by: 'created_at', limit: '100' }]);
		expect(ids(result.itemsOf('Userflow'))).toEqual(range('u', 1, 100));
	});

	it('Limit 150: two requests, exactly 150 items, oldest first', async () => {
		emulator().seedUsers(180, { idPrefix: 'u' });
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'getAll',
			limit: 150,
			options: { orderBy: 'created_at' },
		});
		expect(sent(emulator()).map((request) => request.query)).toEqual([
			{ order_by: 'created_at', limit: '100' },
			{ order_by: 'created_at', limit: '50', starting_after: 'u100' },
		]);
		expect(ids(result.itemsOf('Userflow'))).toEqual(range('u', 1, 150));
	});

	it('ties on created_at (bulk imports) lose and repeat nothing across pages', async () => {
		emulator().seedUsers(250, { idPrefix: 'u', sameCreatedAt: true });
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			options: { orderBy: 'created_at' },
		});
		const items = result.itemsOf('Userflow');
		expect(items).toHaveLength(250);
		expect(new Set(ids(items)).size).toBe(250);
	});

	it('an empty list: one request, no items, no error', async () => {
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'getAll', returnAll: true });
		expect(result.status).toBe('success');
		expect(sent(emulator())).toHaveLength(1);
		expect(result.outputOf('Userflow')).toEqual([]);
	});

	it('filters by email, includes memberships and returns raw objects without Simplify', async () => {
		const store = emulator().store;
		store.addUser('u1', { email: 'ava@example.com' });
		store.addUser('u2', { email: 'bo@example.com' });
		store.addGroup('acme');
		store.addMembership('u1', 'acme');
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'getAll',
			simplify: false,
			filters: { email: 'ava@example.com' },
			options: { includeMemberships: true },
		});
		expect(sent(emulator()).map((request) => request.query)).toEqual([
			// No Sort option: Userflow's own order (oldest first), no order_by sent.
			{ email: 'ava@example.com', 'expand[]': 'memberships', limit: '50' },
		]);
		const items = result.itemsOf('Userflow');
		expect(ids(items)).toEqual(['u1']);
		expect(items[0]).toMatchObject({ object: 'user', attributes: { email: 'ava@example.com' } });
		expect(items[0].memberships).toEqual([expect.objectContaining({ group_id: 'acme' })]);
	});

	it('Simplify (the default) returns flat records', async () => {
		emulator().store.addUser('u1', { email: 'ava@example.com', seats: 3 });
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'getAll' });
		const created = emulator().store.users.get('u1')?.created_at;
		expect(result.itemsOf('Userflow')).toEqual([{ id: 'u1', created_at: created, email: 'ava@example.com', seats: 3 }]);
	});

	it('groups: Limit 150 over 200, newest first', async () => {
		emulator().seedGroups(200, { idPrefix: 'g' });
		const result = await runUserflow(emulator(), {
			resource: 'group',
			operation: 'getAll',
			limit: 150,
			options: { orderBy: '-created_at' },
		});
		expect(sent(emulator()).map(({ path, query }) => ({ path, query }))).toEqual([
			{ path: '/groups', query: { order_by: '-created_at', limit: '100' } },
			{ path: '/groups', query: { order_by: '-created_at', limit: '50', starting_after: 'g101' } },
		]);
		expectUserflowHeaders(emulator());
		expect(ids(result.itemsOf('Userflow'))).toEqual(range('g', 51, 200).reverse());
	});
});
