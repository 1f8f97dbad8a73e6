import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { readEnvironment } from '../../../../../nodes/Userflow/shared/skipUnchanged/readEnvironment';
import { fakeContext, httpError, listOf } from '../../methods/fakeContext';

const users = (count: number): IDataObject[] =>
	Array.from({ length: count }, (_, index) => ({ object: 'user', id: `u${index + 1}`, attributes: { n: index + 1 } }));

/** Userflow's list in both orders. */
function playList(records: IDataObject[]) {
	return (request: IHttpRequestOptions) => {
		const qs = (request.qs ?? {}) as IDataObject;
		const ordered = qs.order_by === '-created_at' ? [...records].reverse() : records;
		return listOf(ordered, qs);
	};
}

const read = (ctx: Parameters<typeof readEnvironment>[0], maxPages: number, withMemberships = false) =>
	readEnvironment(ctx, { collection: 'users', withMemberships, maxPages, itemIndex: 0 });

describe('readEnvironment', () => {
	it('reads from both ends and stops where the reads meet', async () => {
		const { ctx, requests } = fakeContext(playList(users(1000)));
		const result = await read(ctx, 50);
		expect(result.state.records.size).toBe(1000);
		expect(result.complete).toBe(true);
		// 10 pages of 100; each read only notices the meeting on a page the other read had
		// already seen, so up to one page more per end.
		expect(requests.length).toBeGreaterThanOrEqual(10);
		expect(requests.length).toBeLessThanOrEqual(12);
		expect(requests.map((request) => request.qs?.order_by)).toEqual(expect.arrayContaining(['created_at', '-created_at']));
		for (const request of requests) {
			expect(request).toMatchObject({ method: 'GET', url: '/users' });
			expect(request.qs).toMatchObject({ limit: 100 });
			expect(request.qs).not.toHaveProperty('expand[]');
		}
	});

	it('stops at the budget and says the read is partial', async () => {
		const { ctx, requests } = fakeContext(playList(users(10_000)));
		const result = await read(ctx, 3);
		expect(requests).toHaveLength(3);
		expect(result).toMatchObject({ pages: 3, complete: false, failed: false });
		expect(result.state.records.size).toBe(300);
	});

	it('reads a small environment in one page per end and asks for memberships when told', async () => {
		const { ctx, requests } = fakeContext(playList(users(30)));
		const result = await read(ctx, 10, true);
		expect(result.complete).toBe(true);
		expect(result.state.records.size).toBe(30);
		expect(requests.length).toBeLessThanOrEqual(2);
		expect(requests[0].qs).toMatchObject({ 'expand[]': 'memberships' });
	});

	it('reads an empty environment', async () => {
		const { ctx } = fakeContext(playList([]));
		const result = await read(ctx, 10);
		expect(result.state.records.size).toBe(0);
		expect(result.complete).toBe(true);
	});

	it('keeps what it read when a page fails, and marks the read failed', async () => {
		const records = users(1000);
		let calls = 0;
		const { ctx } = fakeContext((request) => {
			calls++;
			if ((request.qs as IDataObject).order_by === '-created_at') throw httpError(400, 'invalid_params', 'order_by: unknown');
			return listOf(records, request.qs as IDataObject);
		});
		const result = await read(ctx, 4);
		expect(result.failed).toBe(true);
		expect(result.complete).toBe(false);
		expect(result.state.records.size).toBe(300);
		expect(calls).toBe(4);
	});

	it('tells each page\'s ids and stops when told reading on does not pay', async () => {
		const { ctx, requests } = fakeContext(playList(users(10_000)));
		const pages: string[][] = [];
		const result = await readEnvironment(ctx, {
			collection: 'users',
			withMemberships: false,
			maxPages: 50,
			itemIndex: 0,
			onPage: (ids) => pages.push(ids),
			keepReading: (pagesDone) => pagesDone < 4,
		});
		// Both reads ask for their next page before the fourth answer says stop.
		expect(requests.length).toBeGreaterThanOrEqual(4);
		expect(requests.length).toBeLessThanOrEqual(5);
		expect(result.complete).toBe(false);
		expect(pages[0]).toHaveLength(100);
		expect(pages.flat()).toEqual(expect.arrayContaining(['u1', 'u10000']));
	});
});
