import type { IDataObject } from 'n8n-workflow';

import { searchContent } from '../../../../nodes/Userflow/methods/listSearch/searchContent';
import { searchGroups } from '../../../../nodes/Userflow/methods/listSearch/searchGroups';
import { searchUsers } from '../../../../nodes/Userflow/methods/listSearch/searchUsers';
import { MAX_SCAN_PAGES } from '../../../../nodes/Userflow/methods/shared/scanSearch';
import { fakeContext, httpError, listOf, summary, user } from './fakeContext';

/** n users, newest first: u_n ... u_1, named "User i". */
const newestUsers = (n: number) =>
	Array.from({ length: n }, (_, i) => user(`u_${n - i}`, `User ${n - i}`, `user${n - i}@example.com`));

describe('searchUsers', () => {
	it('without a filter lists the newest 100 and hands back the last id as paginationToken', async () => {
		const users = newestUsers(150);
		const { ctx, requests } = fakeContext((request) => listOf(users, request.qs as IDataObject));
		const first = await searchUsers.call(ctx);
		expect(requests.map(summary)).toEqual([
			{ method: 'GET', url: '/users', qs: { order_by: '-created_at', limit: 100 } },
		]);
		expect(requests[0].baseURL).toBe('https://userflow.test');
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: 'User 150 (user150@example.com, u_150)', value: 'u_150' });
		expect(first.paginationToken).toBe('u_51');

		const second = await searchUsers.call(ctx, undefined, first.paginationToken as string);
		expect(summary(requests[1])).toEqual({
			method: 'GET',
			url: '/users',
			qs: { order_by: '-created_at', limit: 100, starting_after: 'u_51' },
		});
		expect(second.results.map((result) => result.value)).toEqual(users.slice(100).map((u) => u.id));
		expect(second.paginationToken).toBeUndefined();
	});

	it('a filter that looks like an email uses Userflow\'s exact email filter, in one request', async () => {
		const ava = user('u_ava', 'Ava', 'ava@example.com');
		const { ctx, requests } = fakeContext(() => ({ object: 'list', data: [ava], has_more: false }));
		const found = await searchUsers.call(ctx, ' ava@example.com ');
		expect(requests.map(summary)).toEqual([
			{ method: 'GET', url: '/users', qs: { email: 'ava@example.com', limit: 100 } },
		]);
		expect(found).toEqual({ results: [{ name: 'Ava (ava@example.com, u_ava)', value: 'u_ava' }] });
	});

	it('an email in other letter case falls back to matching the newest users, ignoring case', async () => {
		const users = [user('u_2', 'Bo', 'bo@example.com'), user('u_1', 'Ava', 'Ava@Example.com')];
		const { ctx, requests } = fakeContext((request) => {
			const qs = request.qs as IDataObject;
			if (request.url === '/users' && qs.email !== undefined) return listOf(users.filter((u) => (u.attributes as IDataObject).email === qs.email), qs);
			if (request.url === '/users') return listOf(users, qs);
			throw httpError(404, 'not_found', 'User not found');
		});
		const found = await searchUsers.call(ctx, 'ava@example.COM');
		expect(requests.map(summary)).toEqual([
			{ method: 'GET', url: '/users', qs: { email: 'ava@example.COM', limit: 100 } },
			{ method: 'GET', url: '/users', qs: { order_by: '-created_at', limit: 100 } },
			{ method: 'GET', url: '/users/ava%40example.COM', qs: {} },
		]);
		expect(found.results).toEqual([{ name: 'Ava (Ava@Example.com, u_1)', value: 'u_1' }]);
	});

	it('matches id, name and email case-insensitively, reading on until a page matches', async () => {
		const users = newestUsers(250);
		users[180] = user('u_acme_admin', 'ACME Admin', 'admin@acme.test');
		users[190] = user('u_other', 'Jo', 'jo@ACME.test');
		const { ctx, requests } = fakeContext((request) => {
			if (request.url === '/users') return listOf(users, request.qs as IDataObject);
			throw httpError(404, 'not_found', 'User not found');
		});
		const found = await searchUsers.call(ctx, 'acme');
		expect(requests.map((request) => (request.qs as IDataObject)?.starting_after)).toEqual([undefined, users[99].id, undefined]);
		expect(requests[2].url).toBe('/users/acme');
		expect(found.results.map((result) => result.value)).toEqual(['u_acme_admin', 'u_other']);
		expect(found.paginationToken).toBe(users[199].id);
	});

	it(`gives up after ${MAX_SCAN_PAGES} pages without a match, keeping the cursor to scroll on`, async () => {
		const users = newestUsers(1000);
		const { ctx, requests } = fakeContext((request) => {
			if (request.url === '/users') return listOf(users, request.qs as IDataObject);
			throw httpError(404, 'not_found', 'User not found');
		});
		const found = await searchUsers.call(ctx, 'nobody-has-this');
		const listRequests = requests.filter((request) => request.url === '/users');
		expect(listRequests).toHaveLength(MAX_SCAN_PAGES);
		expect(found.results).toEqual([]);
		expect(found.paginationToken).toBe(users[MAX_SCAN_PAGES * 100 - 1].id);
	});

	it('finds an older user by exact id that the newest pages do not contain', async () => {
		const users = newestUsers(3);
		const old = user('u_old', 'Old Timer');
		const { ctx, requests } = fakeContext((request) => {
			if (request.url === '/users') return listOf(users, request.qs as IDataObject);
			if (request.url === '/users/u_old') return old;
			throw httpError(404, 'not_found', 'User not found');
		});
		const found = await searchUsers.call(ctx, 'u_old');
		expect(requests.map(summary)).toEqual([
			{ method: 'GET', url: '/users', qs: { order_by: '-created_at', limit: 100 } },
			{ method: 'GET', url: '/users/u_old', qs: {} },
		]);
		expect(found.results).toEqual([{ name: 'Old Timer (u_old)', value: 'u_old' }]);
	});

	it('shows a user without name or email by id', async () => {
		const { ctx } = fakeContext((request) => listOf([user('u_bare')], request.qs as IDataObject));
		expect((await searchUsers.call(ctx)).results).toEqual([{ name: 'u_bare', value: 'u_bare' }]);
	});

	it('explains a rejected key instead of showing an empty list', async () => {
		const { ctx } = fakeContext(() => {
			throw httpError(401, 'unauthorized', 'Invalid API key');
		});
		await expect(searchUsers.call(ctx)).rejects.toThrow('Userflow rejected the API key');
	});
});

describe('searchGroups', () => {
	const groups = [
		{ object: 'group', id: 'acme', attributes: { name: 'Acme Inc.' } },
		{ object: 'group', id: 'g_2', attributes: { name: 'Globex' } },
		{ object: 'group', id: 'initech', attributes: {} },
	];

	it('lists the newest groups by name and id', async () => {
		const { ctx, requests } = fakeContext((request) => listOf(groups, request.qs as IDataObject));
		const found = await searchGroups.call(ctx);
		expect(requests.map(summary)).toEqual([
			{ method: 'GET', url: '/groups', qs: { order_by: '-created_at', limit: 100 } },
		]);
		expect(found).toEqual({
			results: [
				{ name: 'Acme Inc. (acme)', value: 'acme' },
				{ name: 'Globex (g_2)', value: 'g_2' },
				{ name: 'initech', value: 'initech' },
			],
			paginationToken: undefined,
		});
	});

	it('matches the filter against name and id ignoring case; an exact id needs no second lookup', async () => {
		const { ctx, requests } = fakeContext((request) => {
			if (request.url === '/groups') return listOf(groups, request.qs as IDataObject);
			throw httpError(404, 'not_found', 'Group not found');
		});
		expect((await searchGroups.call(ctx, 'GLOB')).results.map((r) => r.value)).toEqual(['g_2']);
		expect((await searchGroups.call(ctx, 'acme')).results.map((r) => r.value)).toEqual(['acme']);
		expect(requests.map((request) => request.url)).toEqual(['/groups', '/groups/GLOB', '/groups']);
	});

	it('never sends an email filter for groups', async () => {
		const { ctx, requests } = fakeContext((request) => {
			if (request.url === '/groups') return listOf(groups, request.qs as IDataObject);
			throw httpError(404, 'not_found', 'Group not found');
		});
		await searchGroups.call(ctx, 'ceo@acme.test');
		expect((requests[0].qs as IDataObject).email).toBeUndefined();
	});
});

describe('searchContent', () => {
	const content = [
		{ object: 'content', id: 'c_1', type: 'checklist', name: 'Getting started' },
		{ object: 'content', id: 'c_2', type: 'flow', name: 'Onboarding tour' },
		{ object: 'content', id: 'c_3', type: 'launcher', name: 'Tooltip: export' },
	];

	it('lists content by name with its type, matching id, name or type', async () => {
		const { ctx, requests } = fakeContext((request) => listOf(content, request.qs as IDataObject));
		expect((await searchContent.call(ctx)).results).toEqual([
			{ name: 'Getting started (checklist)', value: 'c_1' },
			{ name: 'Onboarding tour (flow)', value: 'c_2' },
			{ name: 'Tooltip: export (launcher)', value: 'c_3' },
		]);
		expect(summary(requests[0])).toEqual({ method: 'GET', url: '/content', qs: { order_by: 'name', limit: 100 } });
		expect((await searchContent.call(ctx, 'TOUR')).results.map((r) => r.value)).toEqual(['c_2']);
		expect((await searchContent.call(ctx, 'checklist')).results.map((r) => r.value)).toEqual(['c_1']);
		expect((await searchContent.call(ctx, 'c_3')).results.map((r) => r.value)).toEqual(['c_3']);
		expect(requests).toHaveLength(4);
	});
});
