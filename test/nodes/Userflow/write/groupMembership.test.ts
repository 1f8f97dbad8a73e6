import { attributeLookup, expectUserflowHeaders, rows, runUserflow, sent, useEmulator, writes } from '../engineHelpers';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Userflow node: groups', () => {
	const emulator = useEmulator();

	it('Create or Update: typed attributes, the case guard looks up group attributes once', async () => {
		emulator().store.addGroup('acme', { mrr: 100, legacy: 'x' });
		const result = await runUserflow(emulator(), {
			resource: 'group',
			operation: 'upsert',
			groupId: 'acme',
			attributes: rows(
				{ name: 'name', value: 'Acme Inc' },
				{ name: 'mrr', action: 'add', value: '50.5' },
				{ name: 'legacy', action: 'clear' },
			),
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			attributeLookup('group'),
			{
				method: 'POST',
				path: '/groups',
				query: {},
				body: { id: 'acme', attributes: { name: 'Acme Inc', mrr: { add: 50.5 }, legacy: null } },
			},
		]);
		expectUserflowHeaders(emulator());
		expect(emulator().store.groups.get('acme')?.attributes).toEqual({ mrr: 150.5, name: 'Acme Inc' });
	});

	it('Update of a missing group fails, naming it, and creates nothing', async () => {
		const result = await runUserflow(emulator(), {
			resource: 'group',
			operation: 'update',
			groupId: byId('ghost'),
			attributes: rows({ name: 'name', value: 'Ghost' }),
			options: { checkNameCase: false },
		});
		expect(result.error?.message).toBe("Group 'ghost' does not exist in this Userflow environment");
		expect(sent(emulator())).toEqual([{ method: 'GET', path: '/groups/ghost', query: {}, body: undefined }]);
		expect(emulator().store.groups.size).toBe(0);
	});

	it('Update of an existing group: read, then write', async () => {
		emulator().store.addGroup('acme', { name: 'Acme' });
		const result = await runUserflow(emulator(), {
			resource: 'group',
			operation: 'update',
			groupId: byId('acme'),
			attributeInput: 'json',
			attributesJson: { plan: 'enterprise' },
			options: { checkNameCase: false },
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/groups/acme', query: {}, body: undefined },
			{ method: 'POST', path: '/groups', query: {}, body: { id: 'acme', attributes: { plan: 'enterprise' } } },
		]);
		expect(emulator().store.groups.get('acme')?.attributes).toEqual({ name: 'Acme', plan: 'enterprise' });
	});

	it('Get and Delete (users stay)', async () => {
		const store = emulator().store;
		store.addGroup('acme', { name: 'Acme' });
		store.addUser('u1');
		store.addMembership('u1', 'acme');
		const got = await runUserflow(emulator(), { resource: 'group', operation: 'get', groupId: byId('acme') });
		expect(got.itemsOf('Userflow')).toEqual([expect.objectContaining({ object: 'group', id: 'acme', attributes: { name: 'Acme' } })]);
		const deleted = await runUserflow(emulator(), { resource: 'group', operation: 'delete', groupId: byId('acme') });
		expect(deleted.itemsOf('Userflow')).toEqual([{ deleted: true, id: 'acme' }]);
		expect(sent(emulator()).map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /groups/acme', 'DELETE /groups/acme']);
		expectUserflowHeaders(emulator());
		expect(store.groups.has('acme')).toBe(false);
		expect(store.users.has('u1')).toBe(true);
	});
});

describe('Userflow node: memberships', () => {
	const emulator = useEmulator();

	it('Add: the memberships form with membership and group attributes; other memberships stay', async () => {
		const store = emulator().store;
		store.addUser('u1');
		store.addGroup('other');
		store.addMembership('u1', 'other', { role: 'viewer' });
		const result = await runUserflow(emulator(), {
			resource: 'membership',
			operation: 'add',
			userId: byId('u1'),
			groupId: byId('acme'),
			membershipAttributes: rows({ name: 'role', value: 'admin' }, { name: 'joined_at', type: 'datetime', value: '2024-02-03' }),
			groupAttributeInput: 'json',
			groupAttributesJson: '{"name": "Acme"}',
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			attributeLookup('group_membership'),
			attributeLookup('group'),
			{
				method: 'POST',
				path: '/users',
				query: {},
				body: {
					id: 'u1',
					memberships: [
						{
							attributes: { role: 'admin', joined_at: { set: '2024-02-03T00:00:00.000Z', data_type: 'datetime' } },
							group: { id: 'acme', attributes: { name: 'Acme' } },
						},
					],
				},
			},
		]);
		expectUserflowHeaders(emulator());
		expect(store.membershipsOfUser('u1').map((m) => [m.group_id, m.attributes])).toEqual([
			['other', { role: 'viewer' }],
			['acme', { role: 'admin', joined_at: '2024-02-03T00:00:00.000Z' }],
		]);
		expect(store.groups.get('acme')?.attributes).toEqual({ name: 'Acme' });
	});

	it('Add without attributes still sends the memberships form', async () => {
		emulator().store.addUser('u1');
		await runUserflow(emulator(), { resource: 'membership', operation: 'add', userId: byId('u1'), groupId: byId('acme') });
		expect(writes(emulator())).toEqual([
			{ method: 'POST', path: '/users', query: {}, body: { id: 'u1', memberships: [{ group: { id: 'acme' } }] } },
		]);
		expect(emulator().store.getMembership('u1', 'acme')).toBeDefined();
	});

	it('Remove: reads the memberships, upserts the rest with prune_memberships; the group stays', async () => {
		const store = emulator().store;
		store.addUser('u1');
		for (const id of ['a', 'b', 'c']) {
			store.addGroup(id);
			store.addMembership('u1', id, { role: id });
		}
		const result = await runUserflow(emulator(), {
			resource: 'membership',
			operation: 'remove',
			userId: byId('u1'),
			groupId: byId('b'),
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/users/u1', query: { 'expand[]': 'memberships' }, body: undefined },
			{
				method: 'POST',
				path: '/users',
				query: {},
				body: { id: 'u1', groups: [{ id: 'a' }, { id: 'c' }], prune_memberships: true },
			},
		]);
		expectUserflowHeaders(emulator());
		expect(result.itemsOf('Userflow')).toEqual([{ user_id: 'u1', group_id: 'b', removed: true }]);
		expect(store.membershipsOfUser('u1').map((m) => [m.group_id, m.attributes])).toEqual([
			['a', { role: 'a' }],
			['c', { role: 'c' }],
		]);
		expect(store.groups.has('b')).toBe(true);
	});

	it('Remove of the last membership sends an empty list with prune', async () => {
		const store = emulator().store;
		store.addUser('u1');
		store.addGroup('a');
		store.addMembership('u1', 'a');
		await runUserflow(emulator(), { resource: 'membership', operation: 'remove', userId: byId('u1'), groupId: byId('a') });
		expect(sent(emulator())[1].body).toEqual({ id: 'u1', groups: [], prune_memberships: true });
		expect(store.memberships.size).toBe(0);
		expect(store.groups.has('a')).toBe(true);
	});

	it('Remove of a non-member is not an error and writes nothing', async () => {
		const store = emulator().store;
		store.addUser('u1');
		store.addGroup('a');
		store.addMembership('u1', 'a');
		const result = await runUserflow(emulator(), {
			resource: 'membership',
			operation: 'remove',
			userId: byId('u1'),
			groupId: byId('b'),
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toHaveLength(1);
		expect(result.itemsOf('Userflow')).toEqual([{ user_id: 'u1', group_id: 'b', removed: false }]);
		expect(store.memberships.size).toBe(1);
	});

	it('Get Many: a user\'s groups, one item per membership, Limit cutting locally', async () => {
		const store = emulator().store;
		store.addUser('u1');
		for (const id of ['a', 'b', 'c']) {
			store.addGroup(id, { name: `Group ${id}` });
			store.addMembership('u1', id, { role: 'member' });
		}
		const result = await runUserflow(emulator(), {
			resource: 'membership',
			operation: 'getAll',
			userId: byId('u1'),
			limit: 2,
		});
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/users/u1', query: { 'expand[]': 'memberships' }, body: undefined },
		]);
		const items = result.itemsOf('Userflow');
		expect(items).toEqual([
			expect.objectContaining({ user_id: 'u1', group_id: 'a', role: 'member', group: expect.objectContaining({ id: 'a', name: 'Group a' }) }),
			expect.objectContaining({ user_id: 'u1', group_id: 'b', role: 'member' }),
		]);
		const raw = await runUserflow(emulator(), {
			resource: 'membership',
			operation: 'getAll',
			userId: byId('u1'),
			returnAll: true,
			simplify: false,
		});
		expect(raw.itemsOf('Userflow').map((m) => m.group_id)).toEqual(['a', 'b', 'c']);
		expect(raw.itemsOf('Userflow')[0]).toMatchObject({ object: 'group_membership', attributes: { role: 'member' } });
	});

	it('Get Many of a user without groups: no items', async () => {
		emulator().store.addUser('u1');
		const result = await runUserflow(emulator(), { resource: 'membership', operation: 'getAll', userId: byId('u1') });
		expect(result.status).toBe('success');
		expect(result.outputOf('Userflow')).toEqual([]);
	});

	describe('expanded memberships as a list object (the contract does not say which form)', () => {
		function seed() {
			const store = emulator().store;
			store.addUser('u1', { name: 'Ava' });
			for (const id of ['a', 'b']) {
				store.addGroup(id, { name: `Group ${id}` });
				store.addMembership('u1', id, { role: id });
			}
			return store;
		}

		it('Get Many, Remove and Get with Include Memberships read it like a bare array', async () => {
			const store = seed();
			emulator().configure({ expandedLists: 'listObject' });
			const listed = await runUserflow(emulator(), { resource: 'membership', operation: 'getAll', userId: byId('u1'), returnAll: true });
			expect(listed.itemsOf('Userflow').map((m) => [m.group_id, m.role])).toEqual([
				['a', 'a'],
				['b', 'b'],
			]);
			const user = await runUserflow(
				emulator(),
				{ resource: 'user', operation: 'get', userId: byId('u1'), options: { includeMemberships: true } },
				{ typeVersion: 2 },
			);
			expect(user.itemsOf('Userflow')[0].memberships).toEqual([
				expect.objectContaining({ group_id: 'a', role: 'a' }),
				expect.objectContaining({ group_id: 'b', role: 'b' }),
			]);
			const removed = await runUserflow(emulator(), { resource: 'membership', operation: 'remove', userId: byId('u1'), groupId: byId('b') });
			expect(removed.itemsOf('Userflow')).toEqual([{ user_id: 'u1', group_id: 'b', removed: true }]);
			expect(store.membershipsOfUser('u1').map((m) => m.group_id)).toEqual(['a']);
		});

		it('a list object that says has_more is only part of the list: Remove refuses and prunes nothing', async () => {
			const store = seed();
			emulator().configure({ expandedLists: 'partialListObject' });
			const result = await runUserflow(
				emulator(),
				{ resource: 'membership', operation: 'remove', userId: byId('u1'), groupId: byId('b') },
				{ continueOnFail: true },
			);
			expect(result.itemsOf('Userflow')).toEqual([
				{ error: "Userflow listed only part of the user's memberships (has_more); nothing was changed" },
			]);
			expect(sent(emulator()).map((request) => request.method)).toEqual(['GET']);
			expect(store.membershipsOfUser('u1').map((m) => m.group_id)).toEqual(['a', 'b']);
		});
	});
});
