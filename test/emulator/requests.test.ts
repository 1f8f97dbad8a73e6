import { startEmulator } from '../../emulator';
import { call, post, useEmulator } from './helpers';

describe('emulator auth, errors and recording', () => {
	const emulator = useEmulator({ apiKeys: ['ak_first', 'ak_second'] });

	it('answers 401 unauthorized for a missing, wrong or non-Bearer key, and records those requests', async () => {
		const variants: Array<Record<string, string>> = [{}, { Authorization: 'Bearer ak_wrong' }, { Authorization: 'Basic ak_first' }, { Authorization: 'ak_first' }];
		for (const headers of variants) {
			const reply = await call(emulator(), '/users', { key: null, headers });
			expect(reply.status).toBe(401);
			expect(reply.body.error.code).toBe('unauthorized');
			expect(JSON.stringify(reply.body)).not.toContain('ak_');
		}
		expect(emulator().requests.map((r) => [r.status, r.apiKey])).toEqual([
			[401, undefined],
			[401, undefined],
			[401, undefined],
			[401, undefined],
		]);
	});

	it('accepts every configured key against one shared store', async () => {
		await post(emulator(), '/users', { id: 'u1' }, { key: 'ak_second' });
		const reply = await call(emulator(), '/users/u1', { key: 'ak_first' });
		expect(reply.status).toBe(200);
		expect(emulator().requests.map((r) => r.apiKey)).toEqual(['ak_second', 'ak_first']);
		expect(emulator().apiKey).toBe('ak_first');
	});

	it('answers 404 not_found for unknown ids and unknown paths, 405 for a wrong method', async () => {
		expect((await call(emulator(), '/users/nobody')).body).toEqual({
			error: { code: 'not_found', message: "User with id 'nobody' not found" },
		});
		expect((await call(emulator(), '/groups/nobody', { method: 'DELETE' })).status).toBe(404);
		expect((await call(emulator(), '/content/nothing')).status).toBe(404);
		expect((await call(emulator(), '/users/u1/groups')).status).toBe(404);
		expect((await call(emulator(), '/users/')).status).toBe(404);
		expect((await post(emulator(), '/group_memberships', {})).status).toBe(404);
		expect((await call(emulator(), '/users/u1', { method: 'POST', body: { id: 'u1' } })).status).toBe(405);
	});

	it('flags a request without Userflow-Version but still answers it', async () => {
		await call(emulator(), '/users', { version: false });
		await call(emulator(), '/users');
		expect(emulator().requests.map((r) => [r.status, r.versionHeaderMissing])).toEqual([
			[200, true],
			[200, false],
		]);
		expect(emulator().requests[1].headers['userflow-version']).toBe('2020-01-03');
	});

	it('answers 400 for a missing version header when strict, and for an unknown version always', async () => {
		expect((await call(emulator(), '/users', { headers: { 'Userflow-Version': '2024-01-01' } })).status).toBe(400);
		emulator().configure({ strictVersionHeader: true });
		expect((await call(emulator(), '/users', { version: false })).status).toBe(400);
		expect((await call(emulator(), '/users')).status).toBe(200);
	});

	it('rejects malformed bodies with 400 and stores nothing', async () => {
		const bad: Array<[string, Parameters<typeof call>[2]]> = [
			['invalid JSON', { method: 'POST', rawBody: '{"id":', headers: { 'Content-Type': 'application/json' } }],
			['not JSON content type', { method: 'POST', rawBody: '{"id":"u1"}', headers: { 'Content-Type': 'text/plain' } }],
			['no content type', { method: 'POST', rawBody: '{"id":"u1"}' }],
			['array body', { method: 'POST', body: [{ id: 'u1' }] }],
			['missing id', { method: 'POST', body: { attributes: {} } }],
			['empty id', { method: 'POST', body: { id: '' } }],
			['numeric id', { method: 'POST', body: { id: 42 } }],
			['unknown field', { method: 'POST', body: { id: 'u1', email: 'a@b.c' } }],
			['attributes not an object', { method: 'POST', body: { id: 'u1', attributes: ['x'] } }],
			['nested object value', { method: 'POST', body: { id: 'u1', attributes: { address: { city: 'Oslo' } } } }],
			['prune without a list', { method: 'POST', body: { id: 'u1', prune_memberships: true } }],
			['query on POST', { method: 'POST', body: { id: 'u1' } }],
		];
		for (const [label, options] of bad) {
			const path = label === 'query on POST' ? '/users?expand[]=groups' : '/users';
			const reply = await call(emulator(), path, options);
			expect({ label, status: reply.status }).toEqual({ label, status: 400 });
			expect(reply.body.error.code).toMatch(/^invalid_(params|request)$/);
		}
		expect(emulator().store.users.size).toBe(0);
	});

	it('records method, path, query, headers and body of each request', async () => {
		await post(emulator(), '/users', { id: 'u1', attributes: { plan: 'pro' } });
		await call(emulator(), '/users?limit=5&expand[]=memberships&expand[]=groups');
		const [upsert, list] = emulator().requests;
		expect(upsert).toMatchObject({ method: 'POST', path: '/users', query: {}, body: { id: 'u1', attributes: { plan: 'pro' } }, status: 200 });
		expect(upsert.headers.authorization).toBe('Bearer ak_first');
		expect(upsert.headers['content-type']).toBe('application/json');
		expect(list).toMatchObject({ method: 'GET', path: '/users', query: { limit: '5', 'expand[]': ['memberships', 'groups'] }, body: undefined });
		emulator().clearRequests();
		expect(emulator().requests).toEqual([]);
	});

	it('answers deletes with a small JSON body and removes the object', async () => {
		await post(emulator(), '/users', { id: 'u1' });
		const reply = await call(emulator(), '/users/u1', { method: 'DELETE' });
		expect(reply).toMatchObject({ status: 200, body: { object: 'deleted', id: 'u1', deleted: true } });
		expect(emulator().store.users.has('u1')).toBe(false);
		expect((await call(emulator(), '/users/u1', { method: 'DELETE' })).status).toBe(404);
	});

	it('decodes ids in paths', async () => {
		await post(emulator(), '/users', { id: 'a/b c' });
		expect((await call(emulator(), '/users/a%2Fb%20c')).body.id).toBe('a/b c');
	});

	it('binds 127.0.0.1 on the requested port and resets everything on reset()', async () => {
		const other = await startEmulator({ latencyMs: 0 });
		try {
			expect(other.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(other.apiKey).toBe('ak_emulator_test_key');
			other.seedUsers(2);
			await call(other, '/users');
			other.reset();
			expect([other.store.users.size, other.requests.length]).toEqual([0, 0]);
		} finally {
			await other.close();
		}
	});
});
