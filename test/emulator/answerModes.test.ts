import { startEmulator, USERFLOW_VERSION, type UserflowEmulator } from '../../emulator';
import { HTML_PAGE } from '../../emulator/answerModes';
import { call, useEmulator } from './helpers';

/** The raw answer: status, headers and text (HTML answers are not JSON). */
async function raw(emulator: UserflowEmulator, path: string, init: RequestInit = {}) {
	const response = await fetch(`${emulator.baseUrl}${path}`, {
		redirect: 'manual',
		...init,
		headers: { Authorization: `Bearer ${emulator.apiKey}`, 'Userflow-Version': USERFLOW_VERSION, ...(init.headers ?? {}) },
	});
	return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('emulator: redirect mode', () => {
	const emulator = useEmulator();

	it.each([301, 302, 303, 307, 308] as const)('answers every request with %i and the configured Location, before auth', async (status) => {
		emulator().configure({ redirect: { status, location: 'http://127.0.0.1:1/elsewhere?x=1' } });
		for (const init of [{}, { method: 'POST', body: '{"id":"u1"}', headers: { 'Content-Type': 'application/json' } }]) {
			const answer = await raw(emulator(), '/users', init);
			expect(answer.status).toBe(status);
			expect(answer.headers.get('location')).toBe('http://127.0.0.1:1/elsewhere?x=1');
		}
		const unauthenticated = await fetch(`${emulator().baseUrl}/users`, { redirect: 'manual' });
		expect(unauthenticated.status).toBe(status);
		expect(emulator().store.users.size).toBe(0);
		expect(emulator().requests.map((request) => request.status)).toEqual([status, status, status]);
		emulator().configure({ redirect: null });
		expect((await call(emulator(), '/users')).status).toBe(200);
	});
});

describe('emulator: malformed successful answers', () => {
	const emulator = useEmulator();
	beforeEach(() => emulator().seedUsers(3, { idPrefix: 'u' }));

	it('noData: the envelope without its data array', async () => {
		emulator().configure({ malformed: { kind: 'noData' } });
		const answer = await call(emulator(), '/users');
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ object: 'list', has_more: false, url: '/users', next_page_url: null });
	});

	it('html: an HTML page with status 200', async () => {
		emulator().configure({ malformed: { kind: 'html' } });
		const answer = await raw(emulator(), '/users');
		expect([answer.status, answer.text]).toEqual([200, HTML_PAGE]);
		expect(answer.headers.get('content-type')).toContain('text/html');
	});

	it('errorBody: an error with status 200', async () => {
		emulator().configure({ malformed: { kind: 'errorBody' } });
		const answer = await call(emulator(), '/users');
		expect([answer.status, answer.body]).toEqual([200, { error: { code: 'internal_error', message: 'Something went wrong' } }]);
	});

	it('missingIds: items without their id', async () => {
		emulator().configure({ malformed: { kind: 'missingIds' } });
		const answer = await call(emulator(), '/users');
		expect(answer.body.data).toHaveLength(3);
		for (const item of answer.body.data) expect(item).not.toHaveProperty('id');
	});

	it('hasMoreForever: has_more is true on every page, the empty last one included', async () => {
		emulator().configure({ malformed: { kind: 'hasMoreForever' } });
		const first = await call(emulator(), '/users?limit=2');
		expect(first.body.has_more).toBe(true);
		const last = await call(emulator(), '/users?limit=2&starting_after=u3');
		expect([last.body.data, last.body.has_more]).toEqual([[], true]);
	});

	it('ignoreStartingAfter: every page is the first one', async () => {
		emulator().configure({ malformed: { kind: 'ignoreStartingAfter' } });
		const first = await call(emulator(), '/users?limit=2');
		const second = await call(emulator(), '/users?limit=2&starting_after=u2');
		expect(second.body.data.map((user: { id: string }) => user.id)).toEqual(first.body.data.map((user: { id: string }) => user.id));
	});

	it('applies only to the given paths, only to lists, and leaves writes and errors alone', async () => {
		emulator().configure({ malformed: { kind: 'noData', paths: ['/groups'] } });
		expect((await call(emulator(), '/users')).body.data).toHaveLength(3);
		emulator().configure({ malformed: { kind: 'noData' } });
		expect((await call(emulator(), '/users/u1')).body).toMatchObject({ object: 'user', id: 'u1' });
		expect((await call(emulator(), '/users/nobody')).status).toBe(404);
		expect((await call(emulator(), '/users', { method: 'POST', body: { id: 'u9' } })).body).toMatchObject({ id: 'u9' });
	});
});

describe('emulator: odd timestamps on chosen records', () => {
	let emulator: UserflowEmulator;
	afterEach(async () => await emulator.close());

	it('shows the configured stamps in lists and gets, while the records keep their place', async () => {
		emulator = await startEmulator({ stamps: { u2: { created_at: '9999-12-31T23:59:59.000+00:00' }, u3: { created_at: 'garbage' } } });
		emulator.seedUsers(4, { idPrefix: 'u' });
		const list = await call(emulator, '/users?order_by=-created_at');
		expect(list.body.data.map((user: { id: string; created_at: string }) => [user.id, user.created_at])).toEqual([
			['u4', emulator.store.users.get('u4')?.created_at],
			['u3', 'garbage'],
			['u2', '9999-12-31T23:59:59.000+00:00'],
			['u1', emulator.store.users.get('u1')?.created_at],
		]);
		expect((await call(emulator, '/users/u3')).body.created_at).toBe('garbage');
		// The stored record is untouched.
		expect(emulator.store.users.get('u3')?.created_at).toMatch(/^\d{4}-/);
	});
});
