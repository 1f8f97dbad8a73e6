import { call, collectIds, useEmulator } from './helpers';

describe('emulator lists and pagination', () => {
	const emulator = useEmulator();

	it('pages through every user exactly once at each limit, in created_at order', async () => {
		const seeded = emulator().seedUsers(45);
		for (const limit of [1, 7, 20, 44, 45, 46, 100]) {
			const { ids, pages } = await collectIds(emulator(), `/users?limit=${limit}`);
			expect(ids).toEqual(seeded);
			expect(pages).toBe(Math.ceil(45 / limit));
		}
	});

	it('defaults to 20 per page and builds next_page_url from the original query', async () => {
		emulator().seedUsers(25);
		const first = await call(emulator(), '/users?order_by=created_at');
		expect(first.body).toMatchObject({ object: 'list', has_more: true, url: '/users' });
		expect(first.body.data).toHaveLength(20);
		expect(first.body.next_page_url).toBe('/users?order_by=created_at&starting_after=user_20');
		const second = await call(emulator(), first.body.next_page_url);
		expect(second.body.data.map((u: { id: string }) => u.id)).toEqual(['user_21', 'user_22', 'user_23', 'user_24', 'user_25']);
		expect(second.body).toMatchObject({ has_more: false, next_page_url: null });
	});

	it('replaces an existing starting_after in next_page_url', async () => {
		emulator().seedUsers(5);
		const page = await call(emulator(), '/users?starting_after=user_1&limit=2');
		expect(page.body.next_page_url).toBe('/users?limit=2&starting_after=user_3');
	});

	it('answers an empty list for an empty store', async () => {
		const reply = await call(emulator(), '/users');
		expect(reply.body).toEqual({ object: 'list', data: [], has_more: false, url: '/users', next_page_url: null });
	});

	it.each(['0', '101', '-1', '1.5', 'abc', ''])('rejects limit=%s with 400 invalid_params', async (limit) => {
		const reply = await call(emulator(), `/users?limit=${limit}`);
		expect(reply.status).toBe(400);
		expect(reply.body.error.code).toBe('invalid_params');
	});

	it('rejects a starting_after naming a deleted user with 400 invalid_params', async () => {
		emulator().seedUsers(3);
		emulator().store.deleteUser('user_2');
		const reply = await call(emulator(), '/users?starting_after=user_2');
		expect(reply.status).toBe(400);
		expect(reply.body.error).toEqual({ code: 'invalid_params', message: "starting_after: User with id 'user_2' not found" });
	});

	it('orders created_at ties by insertion, and -created_at as the exact reverse', async () => {
		const early = emulator().seedUsers(2, { idPrefix: 'a', startAt: new Date('2022-01-01T00:00:00Z') });
		const tied = emulator().seedUsers(5, { idPrefix: 't', sameCreatedAt: true, startAt: new Date('2022-06-01T00:00:00Z') });
		const late = emulator().seedUsers(1, { idPrefix: 'z', startAt: new Date('2022-12-01T00:00:00Z') });
		const ascending = [...early, ...tied, ...late];
		expect((await collectIds(emulator(), '/users?limit=2&order_by=created_at')).ids).toEqual(ascending);
		expect((await collectIds(emulator(), '/users?limit=3&order_by=-created_at')).ids).toEqual([...ascending].reverse());
		const user = await call(emulator(), '/users/t3');
		expect(user.body.created_at).toBe('2022-06-01T00:00:00.000+00:00');
	});

	it('keeps a cursor inside a tie working while tied records are added', async () => {
		emulator().seedUsers(4, { sameCreatedAt: true, startAt: new Date('2022-06-01T00:00:00Z') });
		const first = await call(emulator(), '/users?limit=2');
		emulator().store.addUser('late_tie', {}, '2022-06-01T00:00:00Z');
		const rest = await collectIds(emulator(), first.body.next_page_url);
		expect(rest.ids).toEqual(['user_3', 'user_4', 'late_tie']);
	});

	it('filters by exact email', async () => {
		emulator().seedUsers(3);
		emulator().store.addUser('x', { email: 'User_2@example.com' });
		const reply = await call(emulator(), '/users?email=user_2%40example.com');
		expect(reply.body.data.map((u: { id: string }) => u.id)).toEqual(['user_2']);
	});

	it('rejects unknown query parameters, repeated limits and unknown order_by', async () => {
		for (const path of ['/users?page=2', '/users?limit=1&limit=2', '/users?order_by=name', '/users?expand=memberships', '/users?expand[]=bogus']) {
			const reply = await call(emulator(), path);
			expect({ path, status: reply.status, code: reply.body.error.code }).toEqual({ path, status: 400, code: 'invalid_params' });
		}
	});

	it('lists groups with the same envelope and cursor rules', async () => {
		const ids = emulator().seedGroups(30, { sameCreatedAt: 4 });
		const stamps = ids.map((id) => emulator().store.groups.get(id)?.created_at);
		expect(new Set(stamps.slice(0, 4)).size).toBe(1);
		expect(new Set(stamps).size).toBe(8);
		expect((await collectIds(emulator(), '/groups?limit=7')).ids).toEqual(ids);
		emulator().store.deleteGroup('group_7');
		expect((await call(emulator(), '/groups?starting_after=group_7')).status).toBe(400);
	});
});
