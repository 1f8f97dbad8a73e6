import { expectUserflowHeaders, ids, range, runUserflow, sent, useEmulator } from './helpers';

describe('Userflow node: content', () => {
	const emulator = useEmulator();

	describe('Get Many', () => {
		it('asks for the default 50 in one request and returns one item per record, oldest first', async () => {
			emulator().seedContent(120);
			const result = await runUserflow(emulator(), { resource: 'content', operation: 'getAll' });
			expect(result.status).toBe('success');
			expect(sent(emulator())).toEqual([{ method: 'GET', path: '/content', query: { limit: '50' } }]);
			expectUserflowHeaders(emulator());
			const items = result.itemsOf('Userflow');
			expect(ids(items)).toEqual(range('content_', 1, 50));
			expect(items[0]).toMatchObject({ object: 'content', id: 'content_1', type: 'flow' });
		});

		it('limit 150: two requests (100, then 50 after the 100th id) and exactly 150 items', async () => {
			emulator().seedContent(250);
			const result = await runUserflow(emulator(), { resource: 'content', operation: 'getAll', limit: 150 });
			expect(result.status).toBe('success');
			expect(sent(emulator())).toEqual([
				{ method: 'GET', path: '/content', query: { limit: '100' } },
				{ method: 'GET', path: '/content', query: { limit: '50', starting_after: 'content_100' } },
			]);
			expect(ids(result.itemsOf('Userflow'))).toEqual(range('content_', 1, 150));
		});

		it('Return All follows the cursor across page boundaries to the end, through created_at ties', async () => {
			// Bulk imports share one created_at: the order must still be stable across pages.
			emulator().seedContent(230, { sameCreatedAt: true });
			const result = await runUserflow(emulator(), { resource: 'content', operation: 'getAll', returnAll: true });
			expect(result.status).toBe('success');
			expect(sent(emulator())).toEqual([
				{ method: 'GET', path: '/content', query: { limit: '100' } },
				{ method: 'GET', path: '/content', query: { limit: '100', starting_after: 'content_100' } },
				{ method: 'GET', path: '/content', query: { limit: '100', starting_after: 'content_200' } },
			]);
			expect(ids(result.itemsOf('Userflow'))).toEqual(range('content_', 1, 230));
		});

		it('Return All on exactly one full page stops when Userflow says there is no more', async () => {
			emulator().seedContent(100);
			const result = await runUserflow(emulator(), { resource: 'content', operation: 'getAll', returnAll: true });
			expect(sent(emulator())).toEqual([{ method: 'GET', path: '/content', query: { limit: '100' } }]);
			expect(result.itemsOf('Userflow')).toHaveLength(100);
		});

		it('an empty list gives no items and one request', async () => {
			const result = await runUserflow(emulator(), { resource: 'content', operation: 'getAll', returnAll: true });
			expect(result.status).toBe('success');
			expect(result.itemsOf('Userflow')).toEqual([]);
			expect(sent(emulator())).toEqual([{ method: 'GET', path: '/content', query: { limit: '100' } }]);
		});

		it('sends the type filter, the sort order and each expand[] value', async () => {
			const types = ['flow', 'checklist', 'launcher'] as const;
			emulator().seedContent(9, { type: (i) => types[i % 3], name: (i) => `Item ${String.fromCharCode(97 + i)}` });
			const result = await runUserflow(emulator(), {
				resource: 'content',
				operation: 'getAll',
				filters: { type: 'checklist' },
				options: { orderBy: '-name', expand: ['draft_version', 'published_version'] },
			});
			expect(result.status).toBe('success');
			expect(sent(emulator())).toEqual([
				{
					method: 'GET',
					path: '/content',
					query: {
						type: 'checklist',
						order_by: '-name',
						'expand[]': ['draft_version', 'published_version'],
						limit: '50',
					},
				},
			]);
			const items = result.itemsOf('Userflow');
			expect(items.map((item) => item.name)).toEqual(['Item h', 'Item e', 'Item b']);
			for (const item of items) {
				expect(item.type).toBe('checklist');
				expect(item.draft_version).toEqual(expect.objectContaining({ id: expect.any(String) }));
				expect(item.published_version).toEqual(expect.objectContaining({ id: expect.any(String) }));
			}
		});
	});

	describe('Get', () => {
		it('gets one content by ID', async () => {
			emulator().seedContent(3);
			const result = await runUserflow(emulator(), {
				resource: 'content',
				operation: 'get',
				contentId: { __rl: true, mode: 'id', value: 'content_2' },
			});
			expect(result.status).toBe('success');
			expect(sent(emulator())).toEqual([{ method: 'GET', path: '/content/content_2', query: {} }]);
			expectUserflowHeaders(emulator());
			expect(result.itemsOf('Userflow')).toEqual([
				expect.objectContaining({ object: 'content', id: 'content_2', name: 'Flow content_2' }),
			]);
		});

		it('picked from the list, with the published version included', async () => {
			emulator().seedContent(1);
			const result = await runUserflow(emulator(), {
				resource: 'content',
				operation: 'get',
				contentId: { __rl: true, mode: 'list', value: 'content_1', cachedResultName: 'Flow content_1' },
				options: { expand: ['published_version'] },
			});
			expect(sent(emulator())).toEqual([
				{ method: 'GET', path: '/content/content_1', query: { 'expand[]': 'published_version' } },
			]);
			const [item] = result.itemsOf('Userflow');
			expect(item.published_version).toEqual(expect.objectContaining({ id: expect.any(String) }));
			expect(item.draft_version).toBeUndefined();
		});

		it('encodes the ID into one path segment', async () => {
			emulator().store.addContent({ id: 'a b/c', name: 'Odd id' });
			const result = await runUserflow(emulator(), {
				resource: 'content',
				operation: 'get',
				contentId: { __rl: true, mode: 'id', value: 'a b/c' },
			});
			expect(result.status).toBe('success');
			expect(emulator().requests.map((request) => request.path)).toEqual(['/content/a%20b%2Fc']);
			expect(result.itemsOf('Userflow')).toEqual([expect.objectContaining({ id: 'a b/c', name: 'Odd id' })]);
		});

		it('names the content when it does not exist', async () => {
			const result = await runUserflow(emulator(), {
				resource: 'content',
				operation: 'get',
				contentId: { __rl: true, mode: 'id', value: 'nope' },
			});
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe("Content 'nope' does not exist in this Userflow environment");
			expect(sent(emulator())).toEqual([{ method: 'GET', path: '/content/nope', query: {} }]);
		});

		it('refuses a blank ID without sending anything (/content/ would answer with a list)', async () => {
			emulator().seedContent(2);
			const result = await runUserflow(emulator(), {
				resource: 'content',
				operation: 'get',
				contentId: { __rl: true, mode: 'id', value: '  ' },
			});
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain('Content: is empty');
			expect(emulator().requests).toEqual([]);
		});

		it('Continue On Fail returns the error as the item', async () => {
			const result = await runUserflow(
				emulator(),
				{ resource: 'content', operation: 'get', contentId: { __rl: true, mode: 'id', value: 'nope' } },
				{ continueOnFail: true },
			);
			expect(result.status).toBe('success');
			const [item] = result.outputOf('Userflow');
			expect(item.error?.message).toBe("Content 'nope' does not exist in this Userflow environment");
		});
	});
});
