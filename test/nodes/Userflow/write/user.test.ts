import { attributeLookup, expectUserflowHeaders, rows, runUserflow, sent, useEmulator, writes } from '../engineHelpers';

describe('Userflow node: user Create or Update', () => {
	const emulator = useEmulator();

	it('sends typed values, operations and clears, and Userflow stores the result', async () => {
		emulator().store.addUser('u1', {
			first_seen: 'original',
			logins: 1,
			credits: 10,
			tags: ['a'],
			roles: ['member'],
			flags: ['beta', 'x'],
			old_field: 'gone soon',
			untouched: 'stays',
		});
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'upsert',
			userId: 'u1',
			attributes: rows(
				{ name: 'plan', value: 'pro' },
				{ name: 'seats', type: 'number', value: '5' },
				{ name: 'active', type: 'boolean', value: 'false' },
				{ name: 'signed_up_at', type: 'datetime', value: '2024-05-01 12:00' },
				{ name: 'skills', type: 'list', value: 'sql, python' },
				{ name: 'nickname', value: '' },
				{ name: 'first_seen', action: 'set_once', value: 'second' },
				{ name: 'logins', action: 'add', value: '2' },
				{ name: 'credits', action: 'subtract', value: '3' },
				{ name: 'tags', action: 'append', value: 'c' },
				{ name: 'roles', action: 'prepend', value: 'owner' },
				{ name: 'flags', action: 'remove', value: 'beta' },
				{ name: 'old_field', action: 'clear' },
			),
		});

		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			attributeLookup('user'),
			{
				method: 'POST',
				path: '/users',
				query: {},
				body: {
					id: 'u1',
					attributes: {
						plan: 'pro',
						seats: 5,
						active: false,
						signed_up_at: { set: '2024-05-01T12:00:00.000Z', data_type: 'datetime' },
						skills: ['sql', 'python'],
						first_seen: { set_once: 'second', data_type: 'string' },
						logins: { add: 2 },
						credits: { subtract: 3 },
						tags: { append: ['c'] },
						roles: { prepend: ['owner'] },
						flags: { remove: ['beta'] },
						old_field: null,
					},
				},
			},
		]);
		expectUserflowHeaders(emulator());
		expect(emulator().store.users.get('u1')?.attributes).toEqual({
			first_seen: 'original',
			logins: 3,
			credits: 7,
			tags: ['a', 'c'],
			roles: ['owner', 'member'],
			flags: ['x'],
			untouched: 'stays',
			plan: 'pro',
			seats: 5,
			active: false,
			signed_up_at: '2024-05-01T12:00:00.000Z',
			skills: ['sql', 'python'],
		});
		expect(result.itemsOf('Userflow')).toEqual([
			expect.objectContaining({ object: 'user', id: 'u1', attributes: emulator().store.users.get('u1')?.attributes }),
		]);
	});

	it('passes a JSON object through, operations included', async () => {
		emulator().store.addUser('u1', { logins: 4, old: 'x' });
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'upsert',
			userId: 'u1',
			attributeInput: 'json',
			attributesJson: '{"plan": "pro", "seats": 3, "vip": true, "logins": {"add": 1}, "old": null}',
			options: { checkNameCase: false },
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			{
				method: 'POST',
				path: '/users',
				query: {},
				body: { id: 'u1', attributes: { plan: 'pro', seats: 3, vip: true, logins: { add: 1 }, old: null } },
			},
		]);
		expect(emulator().store.users.get('u1')?.attributes).toEqual({ logins: 5, plan: 'pro', seats: 3, vip: true });
	});

	it('maps every input field automatically, leaving out the listed ones, one request per item', async () => {
		const result = await runUserflow(
			emulator(),
			{
				resource: 'user',
				operation: 'upsert',
				userId: '={{ $json.id }}',
				attributeInput: 'autoMapInputData',
				fieldsToExclude: 'id, password_hash',
				options: { checkNameCase: false },
			},
			{
				items: [
					{ id: 'crm_1', email: 'ava@example.com', seats: 12, trial: true, tags: ['a', 'b'], phone: '', password_hash: 'x' },
					{ id: 'crm_2', email: 'bo@example.com', seats: 0, trial: false, notes: null },
				],
			},
		);
		expect(result.status).toBe('success');
		const bodies = sent(emulator()).map((request) => request.body);
		expect(bodies).toEqual(
			expect.arrayContaining([
				{ id: 'crm_1', attributes: { email: 'ava@example.com', seats: 12, trial: true, tags: ['a', 'b'] } },
				{ id: 'crm_2', attributes: { email: 'bo@example.com', seats: 0, trial: false } },
			]),
		);
		expect(bodies).toHaveLength(2);
		expect(emulator().store.users.get('crm_1')?.attributes).toEqual({
			email: 'ava@example.com',
			seats: 12,
			trial: true,
			tags: ['a', 'b'],
		});
		expect(result.itemsOf('Userflow').map((item) => item.id)).toEqual(['crm_1', 'crm_2']);
	});

	it('signup with company: the groups form, creating the group with its attributes', async () => {
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'upsert',
			userId: 'u1',
			attributes: rows({ name: 'email', value: 'ava@acme.com' }, { name: 'signed_up_at', type: 'datetime', value: '2024-01-02T03:04:05Z' }),
			addToGroup: true,
			groupId: 'acme',
			groupAttributes: rows({ name: 'name', value: 'Acme' }, { name: 'seats', type: 'number', value: '40' }),
			options: { checkNameCase: false },
		});
		expect(result.status).toBe('success');
		expect(writes(emulator())).toEqual([
			{
				method: 'POST',
				path: '/users',
				query: {},
				body: {
					id: 'u1',
					attributes: { email: 'ava@acme.com', signed_up_at: { set: '2024-01-02T03:04:05.000Z', data_type: 'datetime' } },
					groups: [{ id: 'acme', attributes: { name: 'Acme', seats: 40 } }],
				},
			},
		]);
		expect(emulator().store.groups.get('acme')?.attributes).toEqual({ name: 'Acme', seats: 40 });
		expect(emulator().store.getMembership('u1', 'acme')).toBeDefined();
	});

	it('with membership attributes: the memberships form; Remove From Other Groups prunes the rest', async () => {
		const store = emulator().store;
		store.addUser('u1');
		store.addGroup('old_co');
		store.addMembership('u1', 'old_co');
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'upsert',
			userId: 'u1',
			addToGroup: true,
			groupId: 'acme',
			membershipAttributes: rows({ name: 'role', value: 'admin' }),
			options: { checkNameCase: false, removeFromOtherGroups: true },
		});
		expect(result.status).toBe('success');
		expect(writes(emulator())[0].body).toEqual({
			id: 'u1',
			memberships: [{ attributes: { role: 'admin' }, group: { id: 'acme' } }],
			prune_memberships: true,
		});
		expect(store.membershipsOfUser('u1').map((m) => [m.group_id, m.attributes])).toEqual([['acme', { role: 'admin' }]]);
		expect(store.groups.has('old_co')).toBe(true);
	});
});

describe('Userflow node: user Update', () => {
	const emulator = useEmulator();

	it('reads the user, then writes only the given attributes', async () => {
		emulator().store.addUser('u1', { plan: 'free', name: 'Ava' });
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'update',
			userId: { __rl: true, mode: 'id', value: 'u1' },
			attributes: rows({ name: 'plan', value: 'pro' }),
			options: { checkNameCase: false },
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/users/u1', query: {}, body: undefined },
			{ method: 'POST', path: '/users', query: {}, body: { id: 'u1', attributes: { plan: 'pro' } } },
		]);
		expectUserflowHeaders(emulator());
		expect(emulator().store.users.get('u1')?.attributes).toEqual({ plan: 'pro', name: 'Ava' });
	});

	it('never creates: a missing user fails with a clear message and nothing is written', async () => {
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'update',
			userId: { __rl: true, mode: 'id', value: 'u_42' },
			attributes: rows({ name: 'plan', value: 'pro' }),
			options: { checkNameCase: false },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe("User 'u_42' does not exist in this Userflow environment");
		expect(sent(emulator())).toEqual([{ method: 'GET', path: '/users/u_42', query: {}, body: undefined }]);
		expect(emulator().store.users.size).toBe(0);
	});
});

describe('Userflow node: user Get and Delete', () => {
	const emulator = useEmulator();

	it('gets a user, with memberships on request, the id encoded in the path', async () => {
		const store = emulator().store;
		store.addUser('u 1/x', { name: 'Ava' });
		store.addGroup('acme');
		store.addMembership('u 1/x', 'acme', { role: 'admin' });
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'get',
			userId: { __rl: true, mode: 'id', value: 'u 1/x' },
			options: { includeMemberships: true },
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/users/u%201%2Fx', query: { 'expand[]': 'memberships' }, body: undefined },
		]);
		expectUserflowHeaders(emulator());
		const [user] = result.itemsOf('Userflow');
		expect(user).toMatchObject({ id: 'u 1/x', attributes: { name: 'Ava' } });
		expect(user.memberships).toEqual([expect.objectContaining({ group_id: 'acme', attributes: { role: 'admin' } })]);
	});

	it('a missing user names it', async () => {
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'get',
			userId: { __rl: true, mode: 'id', value: 'u_42' },
		});
		expect(result.error?.message).toBe("User 'u_42' does not exist in this Userflow environment");
	});

	it('deletes a user, answers {deleted, id}, and the groups stay', async () => {
		const store = emulator().store;
		store.addUser('u1');
		store.addGroup('acme');
		store.addMembership('u1', 'acme');
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'delete',
			userId: { __rl: true, mode: 'list', value: 'u1' },
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([{ method: 'DELETE', path: '/users/u1', query: {}, body: undefined }]);
		expectUserflowHeaders(emulator());
		expect(result.itemsOf('Userflow')).toEqual([{ deleted: true, id: 'u1' }]);
		expect(store.users.has('u1')).toBe(false);
		expect(store.groups.has('acme')).toBe(true);
		expect(store.memberships.size).toBe(0);
	});
});
