/**
 * Version 2's outputs and orders: Membership → Add outputs what was added, Get returns the
 * same flat record as Get Many, every Get Many sends the order its Sort By shows.
 */
import { locator, rows, runUserflow, sent, useEmulator, writes } from '../engineHelpers';

describe('version 2 outputs', () => {
	const emulator = useEmulator();

	it('Membership → Add outputs the membership with its group, from one request', async () => {
		emulator().store.addUser('u1', { name: 'Ava' });
		const result = await runUserflow(
			emulator(),
			{
				resource: 'membership',
				operation: 'add',
				userId: locator('u1', 'list'),
				groupId: locator('acme'),
				membershipAttributes: rows({ name: locator('role', 'name'), value: 'admin' }),
				groupAttributes: rows({ name: locator('name', 'name'), value: 'Acme Inc' }),
				options: { checkNameCase: false },
			},
			{ typeVersion: 2 },
		);
		expect(result.itemsOf('Userflow')).toEqual([
			{ user_id: 'u1', group_id: 'acme', attributes: { role: 'admin' }, group: { id: 'acme', attributes: { name: 'Acme Inc' } } },
		]);
		expect(writes(emulator())).toHaveLength(1);
		expect(emulator().store.getMembership('u1', 'acme')?.attributes).toEqual({ role: 'admin' });
	});

	it('Membership → Add without attributes still outputs the membership (version 1 keeps outputting the user)', async () => {
		emulator().store.addUser('u1');
		const parameters = { resource: 'membership', operation: 'add', userId: locator('u1', 'list'), groupId: locator('acme') };
		const v2 = await runUserflow(emulator(), parameters, { typeVersion: 2 });
		expect(v2.itemsOf('Userflow')).toEqual([{ user_id: 'u1', group_id: 'acme', attributes: {}, group: { id: 'acme', attributes: {} } }]);
		const v1 = await runUserflow(emulator(), parameters);
		expect(v1.itemsOf('Userflow')).toEqual([expect.objectContaining({ object: 'user', id: 'u1', memberships: null })]);
	});

	it('Get returns the flat record Get Many returns (Simplify on by default); off gives the raw object', async () => {
		emulator().store.addUser('u1', { name: 'Ava', plan: 'pro' });
		const get = await runUserflow(emulator(), { resource: 'user', operation: 'get', userId: locator('u1', 'list') }, { typeVersion: 2 });
		const many = await runUserflow(emulator(), { resource: 'user', operation: 'getAll' }, { typeVersion: 2 });
		expect(get.itemsOf('Userflow')).toEqual(many.itemsOf('Userflow'));
		expect(Object.keys(get.itemsOf('Userflow')[0])).toEqual(['id', 'name', 'plan', 'created_at']);
		emulator().store.addGroup('g1', { name: 'Acme' });
		const rawGroup = await runUserflow(emulator(), { resource: 'group', operation: 'get', groupId: locator('g1'), simplify: false }, { typeVersion: 2 });
		expect(rawGroup.itemsOf('Userflow')[0]).toMatchObject({ object: 'group', id: 'g1', attributes: { name: 'Acme' } });
	});

	it.each([
		['user', {}, '/users', '-created_at'],
		['group', {}, '/groups', '-created_at'],
		['content', {}, '/content', 'name'],
		['contentSession', { contentId: locator('c1') }, '/content_sessions', '-created_at'],
	])('%s Get Many sends the order its Sort By shows, also when the option is not added', async (resource, extra, path, order) => {
		emulator().store.addUser('u1');
		emulator().store.addContent({ id: 'c1' });
		const result = await runUserflow(emulator(), { resource, operation: 'getAll', ...extra }, { typeVersion: 2 });
		expect(result.error).toBeUndefined();
		expect(sent(emulator()).map((request) => [request.path, request.query.order_by])).toEqual([[path, order]]);
		emulator().clearRequests();
		await runUserflow(emulator(), { resource, operation: 'getAll', ...extra, options: { orderBy: 'created_at' } }, { typeVersion: 2 });
		expect(sent(emulator()).map((request) => request.query.order_by)).toEqual(['created_at']);
	});

	it('version 1 keeps sending no order unless Sort is added (saved workflows keep their results)', async () => {
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'getAll' });
		expect(result.error).toBeUndefined();
		expect(sent(emulator()).map((request) => request.query.order_by)).toEqual([undefined]);
	});
});
