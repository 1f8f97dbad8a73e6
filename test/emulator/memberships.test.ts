import { call, post, useEmulator } from './helpers';

describe('emulator memberships through the user upsert', () => {
	const emulator = useEmulator();
	const membershipsOf = (userId: string) =>
		emulator()
			.store.membershipsOfUser(userId)
			.map((m) => ({ group: m.group_id, attributes: m.attributes }));

	it('groups form: creates groups, sets group attributes, adds memberships', async () => {
		const reply = await post(emulator(), '/users', { id: 'u1', groups: [{ id: 'g1', attributes: { name: 'Acme' } }, { id: 'g2' }] });
		expect(reply.status).toBe(200);
		expect(emulator().store.groups.get('g1')?.attributes).toEqual({ name: 'Acme' });
		expect(membershipsOf('u1')).toEqual([
			{ group: 'g1', attributes: {} },
			{ group: 'g2', attributes: {} },
		]);
	});

	it('memberships form: sets membership and group attributes, leaves unlisted memberships alone', async () => {
		await post(emulator(), '/users', { id: 'u1', groups: [{ id: 'g0' }] });
		await post(emulator(), '/users', {
			id: 'u1',
			memberships: [{ attributes: { role: 'admin', seats: 1 }, group: { id: 'g1', attributes: { name: 'Acme' } } }],
		});
		await post(emulator(), '/users', { id: 'u1', memberships: [{ attributes: { seats: { add: 2 } }, group: { id: 'g1' } }] });
		expect(membershipsOf('u1')).toEqual([
			{ group: 'g0', attributes: {} },
			{ group: 'g1', attributes: { role: 'admin', seats: 3 } },
		]);
		expect(emulator().store.groups.get('g1')?.attributes).toEqual({ name: 'Acme' });
		const read = await call(emulator(), '/users/u1?expand[]=memberships');
		expect(read.body.groups).toBeNull();
		expect(read.body.memberships[1]).toMatchObject({
			object: 'group_membership',
			user_id: 'u1',
			group_id: 'g1',
			attributes: { role: 'admin', seats: 3 },
			group: { object: 'group', id: 'g1', attributes: { name: 'Acme' } },
		});
		const groups = await call(emulator(), '/users/u1?expand[]=groups');
		expect(groups.body.groups.map((g: { id: string }) => g.id)).toEqual(['g0', 'g1']);
		expect(groups.body.memberships).toBeNull();
	});

	it('prune_memberships removes unlisted memberships but never groups; an empty list removes all', async () => {
		await post(emulator(), '/users', { id: 'u1', groups: [{ id: 'g1' }, { id: 'g2' }, { id: 'g3' }] });
		await post(emulator(), '/users', { id: 'u1', groups: [{ id: 'g2' }], prune_memberships: true });
		expect(membershipsOf('u1').map((m) => m.group)).toEqual(['g2']);
		expect([...emulator().store.groups.keys()]).toEqual(['g1', 'g2', 'g3']);
		await post(emulator(), '/users', { id: 'u1', memberships: [], prune_memberships: true });
		expect(membershipsOf('u1')).toEqual([]);
		expect(emulator().store.groups.size).toBe(3);
	});

	it('rejects both forms at once, duplicates and malformed entries, changing nothing', async () => {
		const bodies = [
			{ id: 'u1', groups: [{ id: 'g1' }], memberships: [{ group: { id: 'g2' } }] },
			{ id: 'u1', groups: [{ id: 'g1' }, { id: 'g1' }] },
			{ id: 'u1', groups: [{ id: '' }] },
			{ id: 'u1', groups: [{ id: 'g1', role: 'admin' }] },
			{ id: 'u1', groups: { id: 'g1' } },
			{ id: 'u1', memberships: [{ attributes: { role: 'admin' } }] },
			{ id: 'u1', memberships: [{ group: { id: 'g1' }, group_id: 'g1' }] },
			{ id: 'u1', memberships: [{ group: { id: 'g1', attributes: { n: { add: 'x' } } } }] },
			{ id: 'u1', groups: [{ id: 'g1' }], prune_memberships: 'yes' },
		];
		for (const body of bodies) {
			const reply = await post(emulator(), '/users', body);
			expect({ body, status: reply.status, code: reply.body.error.code }).toEqual({ body, status: 400, code: 'invalid_params' });
		}
		expect([emulator().store.users.size, emulator().store.groups.size, emulator().store.memberships.size]).toEqual([0, 0, 0]);
	});

	it('deleting a user or a group removes its memberships only', async () => {
		await post(emulator(), '/users', { id: 'u1', groups: [{ id: 'g1' }, { id: 'g2' }] });
		await post(emulator(), '/users', { id: 'u2', groups: [{ id: 'g1' }] });
		await call(emulator(), '/groups/g1', { method: 'DELETE' });
		expect(membershipsOf('u1').map((m) => m.group)).toEqual(['g2']);
		expect(membershipsOf('u2')).toEqual([]);
		await call(emulator(), '/users/u1', { method: 'DELETE' });
		expect(emulator().store.memberships.size).toBe(0);
		expect([...emulator().store.groups.keys()]).toEqual(['g2']);
		expect([...emulator().store.users.keys()]).toEqual(['u2']);
	});

	it('expands a group with its memberships and users', async () => {
		await post(emulator(), '/users', { id: 'u1', memberships: [{ attributes: { role: 'owner' }, group: { id: 'g1' } }] });
		const reply = await call(emulator(), '/groups/g1?expand[]=memberships&expand[]=users');
		expect(reply.body.memberships).toEqual([
			expect.objectContaining({ user_id: 'u1', attributes: { role: 'owner' }, user: expect.objectContaining({ id: 'u1' }) }),
		]);
		expect(reply.body.users.map((u: { id: string }) => u.id)).toEqual(['u1']);
	});
});
