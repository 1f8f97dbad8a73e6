import { expectUserflowHeaders, ids, range, runUserflow, sent, useEmulator } from './helpers';

const FLOW = { __rl: true, mode: 'list', value: 'content_1', cachedResultName: 'Flow content_1' };

describe('Userflow node: content sessions, Get Many', () => {
	const emulator = useEmulator();

	it('lists the sessions of one content, 50 by default', async () => {
		emulator().seedContent(2);
		emulator().seedContentSessions(60, { contentId: 'content_1' });
		emulator().seedContentSessions(5, { contentId: 'content_2', idPrefix: 'other_' });
		const result = await runUserflow(emulator(), { resource: 'contentSession', operation: 'getAll', contentId: FLOW });
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/content_sessions', query: { content_id: 'content_1', limit: '50' } },
		]);
		expectUserflowHeaders(emulator());
		const items = result.itemsOf('Userflow');
		expect(ids(items)).toEqual(range('session_', 1, 50));
		expect(items.every((item) => item.object === 'content_session' && item.content_id === 'content_1')).toBe(true);
	});

	it('limit 150: two requests and exactly 150 items', async () => {
		emulator().seedContent(1);
		emulator().seedContentSessions(200, { contentId: 'content_1' });
		const result = await runUserflow(emulator(), {
			resource: 'contentSession',
			operation: 'getAll',
			contentId: FLOW,
			limit: 150,
		});
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/content_sessions', query: { content_id: 'content_1', limit: '100' } },
			{
				method: 'GET',
				path: '/content_sessions',
				query: { content_id: 'content_1', limit: '50', starting_after: 'session_100' },
			},
		]);
		expect(ids(result.itemsOf('Userflow'))).toEqual(range('session_', 1, 150));
	});

	it('Return All over tied created_at values misses and repeats nothing', async () => {
		emulator().seedContent(1);
		emulator().seedContentSessions(201, { contentId: 'content_1', sameCreatedAt: 7 });
		const result = await runUserflow(emulator(), {
			resource: 'contentSession',
			operation: 'getAll',
			contentId: FLOW,
			returnAll: true,
		});
		expect(emulator().requests.map((request) => request.query.starting_after)).toEqual([
			undefined,
			'session_100',
			'session_200',
		]);
		expect(ids(result.itemsOf('Userflow'))).toEqual(range('session_', 1, 201));
	});

	it('filters by user and sends the sort order and each expand[] value', async () => {
		emulator().seedUsers(2);
		emulator().seedContent(1);
		emulator().seedContentSessions(6, { contentId: 'content_1', userIds: ['user_1', 'user_2'] });
		const result = await runUserflow(emulator(), {
			resource: 'contentSession',
			operation: 'getAll',
			contentId: FLOW,
			filters: { userId: { __rl: true, mode: 'id', value: 'user_2' } },
			options: { orderBy: '-created_at', expand: ['answers', 'content'] },
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			{
				method: 'GET',
				path: '/content_sessions',
				query: {
					content_id: 'content_1',
					user_id: 'user_2',
					'expand[]': ['answers', 'content'],
					order_by: '-created_at',
					limit: '50',
				},
			},
		]);
		const items = result.itemsOf('Userflow');
		expect(ids(items)).toEqual(['session_6', 'session_4', 'session_2']);
		for (const item of items) {
			expect(item.user_id).toBe('user_2');
			expect(item.content).toEqual(expect.objectContaining({ id: 'content_1' }));
			expect(Array.isArray(item.answers)).toBe(true);
		}
	});

	it('a user filter left blank sends no user_id', async () => {
		emulator().seedContent(1);
		emulator().seedContentSessions(2, { contentId: 'content_1' });
		const result = await runUserflow(emulator(), {
			resource: 'contentSession',
			operation: 'getAll',
			contentId: FLOW,
			filters: { userId: { __rl: true, mode: 'id', value: '' } },
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/content_sessions', query: { content_id: 'content_1', limit: '50' } },
		]);
		expect(result.itemsOf('Userflow')).toHaveLength(2);
	});

	it('no sessions yet: no items', async () => {
		emulator().seedContent(1);
		const result = await runUserflow(emulator(), {
			resource: 'contentSession',
			operation: 'getAll',
			contentId: FLOW,
			returnAll: true,
		});
		expect(result.status).toBe('success');
		expect(result.itemsOf('Userflow')).toEqual([]);
		expect(emulator().requests).toHaveLength(1);
	});

	it('refuses a content that an expression left blank, before sending anything', async () => {
		// A literally empty locator is stopped by n8n itself ("Parameter is required").
		const result = await runUserflow(emulator(), {
			resource: 'contentSession',
			operation: 'getAll',
			contentId: { __rl: true, mode: 'id', value: '={{ $json.contentId ?? "" }}' },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('Content: is empty');
		expect(emulator().requests).toEqual([]);
	});
});
