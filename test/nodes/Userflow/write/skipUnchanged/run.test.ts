/**
 * Skip Unchanged through n8n's engine against the emulator: memberships, what one run
 * costs, records that change while the node runs, the fallback, Continue On Fail, and a
 * randomised check that no changed field is ever skipped.
 */
import type { IDataObject } from 'n8n-workflow';

import { rows, runUserflow, useEmulator } from '../../engineHelpers';
import { listReads, sentIds, skipUnchanged, skippedIds, upserts, runUserflowV2, upsertUsersFromJson } from './helpers';

describe('Skip Unchanged: runs', () => {
	const emulator = useEmulator();

	it.each([
		['bare arrays', null, ['same']],
		['list objects', 'listObject', ['same']],
		// A part of a user's memberships proves nothing about the rest: nothing is skipped.
		['list objects that say has_more', 'partialListObject', []],
	] as const)('compares the user\'s group, the group\'s and the membership\'s attributes when the item writes them (memberships as %s)', async (_form, expandedLists, skipped) => {
		emulator().configure({ expandedLists });
		const store = emulator().store;
		store.addGroup('acme', { name: 'Acme' });
		for (const id of ['same', 'role', 'groupName', 'notMember']) store.addUser(id, { plan: 'pro' });
		for (const id of ['same', 'role', 'groupName']) store.addMembership(id, 'acme', { role: 'admin' });
		const result = await runUserflowV2(
			emulator(),
			{
				resource: 'user',
				operation: 'upsert',
				userId: '={{ $json.id }}',
				attributes: rows({ name: 'plan', value: 'pro' }),
				addToGroup: true,
				groupId: 'acme',
				groupAttributes: rows({ name: 'name', value: '={{ $json.groupName }}' }),
				membershipAttributes: rows({ name: 'role', value: '={{ $json.role }}' }),
				options: skipUnchanged,
			},
			{
				items: [
					{ id: 'same', groupName: 'Acme', role: 'admin' },
					// Only the membership's attribute changed.
					{ id: 'role', groupName: 'Acme', role: 'owner' },
					{ id: 'groupName', groupName: 'Acme Inc', role: 'admin' },
					{ id: 'notMember', groupName: 'Acme', role: 'admin' },
				],
			},
		);
		expect(result.status).toBe('success');
		expect(skippedIds(result.itemsOf('Userflow'))).toEqual([...skipped]);
		expect(sentIds(emulator())).toEqual(['groupName', 'notMember', 'role', ...(skipped.length ? [] : ['same'])].sort());
		expect(listReads(emulator())[0].query).toMatchObject({ 'expand[]': 'memberships', limit: '100' });
		expect(store.getMembership('role', 'acme')?.attributes).toEqual({ role: 'owner' });
		expect(store.getMembership('notMember', 'acme')).toBeDefined();
	});

	it('reads memberships only when the node writes them', async () => {
		emulator().store.addUser('u1', { plan: 'pro' });
		await runUserflowV2(emulator(), upsertUsersFromJson(), { items: [{ id: 'u1', attributes: { plan: 'pro' } }] });
		expect(listReads(emulator()).length).toBeGreaterThan(0);
		for (const request of listReads(emulator())) expect(request.query).not.toHaveProperty('expand[]');
	});

	it('costs the environment\'s pages plus the changed items, and nothing when off', async () => {
		const store = emulator().store;
		for (let index = 0; index < 250; index++) store.addUser(`u${index}`, { n: index });
		const items = Array.from({ length: 100 }, (_, index) => ({ id: `u${index * 2}`, attributes: { n: index * 2 + (index % 40 === 0 ? 1 : 0) } }));
		const result = await runUserflowV2(emulator(), upsertUsersFromJson(), { items });
		expect(result.status).toBe('success');
		const changed = items.filter((_, index) => index % 40 === 0).map((item) => item.id).sort();
		expect(sentIds(emulator())).toEqual(changed);
		// 250 records = 3 pages; read from both ends, the reads may overlap by a page each.
		const pages = listReads(emulator()).length;
		expect(pages).toBeGreaterThanOrEqual(3);
		expect(pages).toBeLessThanOrEqual(5);
		expect(upserts(emulator())).toHaveLength(changed.length);
		expect(emulator().requests.filter((request) => !/_definitions$/.test(request.path))).toHaveLength(pages + changed.length);

		emulator().clearRequests();
		const off = await runUserflowV2(emulator(), { ...upsertUsersFromJson(), options: {} }, { items });
		expect(off.itemsOf('Userflow').every((item) => item._skipped === undefined)).toBe(true);
		expect(listReads(emulator())).toHaveLength(0);
		expect(upserts(emulator())).toHaveLength(100);
	});

	it('sends a changed item as soon as its record is read, while later pages are still being read', async () => {
		const store = emulator().store;
		for (let index = 0; index < 600; index++) store.addUser(`u${String(index).padStart(4, '0')}`, { n: index });
		// The oldest user changed: it is on the first page read from the front.
		const items = Array.from({ length: 600 }, (_, index) => ({ id: `u${String(index).padStart(4, '0')}`, attributes: { n: index === 0 ? -1 : index } }));
		const result = await runUserflowV2(emulator(), upsertUsersFromJson(), { items });
		expect(result.status).toBe('success');
		const log = emulator().requests.map((request) => `${request.method} ${request.path}`);
		expect(sentIds(emulator())).toEqual(['u0000']);
		expect(log.indexOf('POST /users')).toBeLessThan(log.lastIndexOf('GET /users'));
		expect(skippedIds(result.itemsOf('Userflow'))).toHaveLength(599);
	});

	it('version 1 has no such option: it sends every item as 0.1.0 did', async () => {
		emulator().store.addUser('u1', { plan: 'pro' });
		const result = await runUserflow(emulator(), upsertUsersFromJson(), { items: [{ id: 'u1', attributes: { plan: 'pro' } }] });
		expect(result.itemsOf('Userflow')[0]).not.toHaveProperty('_skipped');
		expect(listReads(emulator())).toHaveLength(0);
		expect(sentIds(emulator())).toEqual(['u1']);
	});

	it('falls back when the environment is too large: reads at most its budget, sends every item it did not see', async () => {
		// 20 items: budget ceil(5 % × 20) = 1 page, of an environment of 30 pages.
		const store = emulator().store;
		for (let index = 0; index < 3000; index++) store.addUser(`u${String(index).padStart(4, '0')}`, { n: index });
		const ids = ['u0000', 'u0050', ...Array.from({ length: 18 }, (_, index) => `u${String(1000 + index * 50).padStart(4, '0')}`)];
		const items = ids.map((id) => ({ id, attributes: { n: Number(id.slice(1)) } }));
		const result = await runUserflowV2(emulator(), upsertUsersFromJson(), { items });
		expect(result.status).toBe('success');
		expect(listReads(emulator())).toHaveLength(1);
		// The first page (oldest 100) held two of them, equal: skipped. The rest are equal too,
		// but unseen: sent, never assumed absent or unchanged.
		expect(skippedIds(result.itemsOf('Userflow'))).toEqual(['u0000', 'u0050']);
		expect(sentIds(emulator())).toEqual(ids.slice(2).sort());

		// 60 items (budget 3 pages) none of which is among the oldest or newest 100: after one
		// page from each end saved nothing, the read stops.
		emulator().clearRequests();
		const middle = Array.from({ length: 60 }, (_, index) => `u${String(1000 + index * 10).padStart(4, '0')}`);
		const far = await runUserflowV2(emulator(), upsertUsersFromJson(), {
			items: middle.map((id) => ({ id, attributes: { n: Number(id.slice(1)) } })),
		});
		expect(listReads(emulator())).toHaveLength(2);
		expect(skippedIds(far.itemsOf('Userflow'))).toEqual([]);
		expect(sentIds(emulator())).toEqual(middle);
	});

	it('a record changed before the read answers is compared as changed; one changed after it keeps the later change', async () => {
		const store = emulator().store;
		store.addUser('before', { plan: 'free' });
		store.addUser('after', { plan: 'free' });
		let readsSeen = 0;
		let writesSeen = 0;
		emulator().onRequest((request) => {
			// Someone else writes while the node runs: "before" while the read is under way,
			// "after" once the node has decided (when its first write arrives).
			if (request.method === 'GET' && request.path === '/users' && readsSeen++ === 0) {
				store.users.get('before')!.attributes = { plan: 'enterprise' };
			}
			if (request.method === 'POST' && writesSeen++ === 0) store.users.get('after')!.attributes = { plan: 'enterprise' };
		});
		const result = await runUserflowV2(emulator(), upsertUsersFromJson(), {
			items: [
				{ id: 'before', attributes: { plan: 'free' } },
				{ id: 'after', attributes: { plan: 'free' } },
				{ id: 'other', attributes: { plan: 'free' } },
			],
		});
		const output = result.itemsOf('Userflow');
		// The read saw "enterprise": the item differs and is sent, so Userflow ends with its value.
		expect(output[0]).toMatchObject({ id: 'before', _skipped: false });
		expect(store.users.get('before')?.attributes).toEqual({ plan: 'free' });
		// Equal when read: reported skipped with the state read; the later change stands, as it
		// would had the node's write been sent at the moment of the read.
		expect(output[1]).toMatchObject({ id: 'after', _skipped: true, attributes: { plan: 'free' } });
		expect(store.users.get('after')?.attributes).toEqual({ plan: 'enterprise' });
	});

	it('never skips an id the run already writes: the later item still undoes the earlier one', async () => {
		emulator().store.addUser('u1', { plan: 'pro' });
		const result = await runUserflowV2(emulator(), upsertUsersFromJson(), {
			items: [
				{ id: 'u1', attributes: { plan: 'free' } },
				{ id: 'u1', attributes: { plan: 'pro' } },
			],
		});
		expect(result.itemsOf('Userflow').map((item) => item._skipped)).toEqual([false, false]);
		expect(upserts(emulator()).map((request) => request.body)).toEqual([
			{ id: 'u1', attributes: { plan: 'free' } },
			{ id: 'u1', attributes: { plan: 'pro' } },
		]);
		expect(emulator().store.users.get('u1')?.attributes).toEqual({ plan: 'pro' });
	});

	it('Continue On Fail: a bad item fails alone, the others are skipped or sent', async () => {
		emulator().store.addUser('same', { seats: 1 });
		emulator().store.addUser('changed', { seats: 1 });
		const result = await runUserflowV2(
			emulator(),
			{
				resource: 'user',
				operation: 'upsert',
				userId: '={{ $json.id }}',
				attributes: rows({ name: 'seats', type: 'number', value: '={{ $json.seats }}' }),
				options: skipUnchanged,
			},
			{
				items: [
					{ id: 'same', seats: 1 },
					{ id: 'bad', seats: 'many' },
					{ id: 'changed', seats: 2 },
				],
				continueOnFail: true,
			},
		);
		expect(result.status).toBe('success');
		const output = result.outputOf('Userflow');
		expect(output[0].json).toMatchObject({ id: 'same', _skipped: true });
		expect(output[1].error?.message).toBe("Attributes › seats: 'many' is not a number");
		expect(output[2].json).toMatchObject({ id: 'changed', _skipped: false, attributes: { seats: 2 } });
		expect(sentIds(emulator())).toEqual(['changed']);
	});

	it('randomised: every row with a changed field reaches Userflow, every unchanged row is skipped', async () => {
		let seed = 12;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
		const store = emulator().store;
		const fields: Array<[string, (attributes: IDataObject) => unknown]> = [
			['plan', (a) => `${a.plan}-x`],
			['seats', (a) => (a.seats as number) + 1],
			['seats', (a) => String(a.seats)],
			['beta', (a) => !a.beta],
			['tags', (a) => [...(a.tags as string[])].reverse()],
			['tags', (a) => [...(a.tags as string[]), 'new']],
			['renewal', () => '2031-01-01T00:00:00.000Z'],
			['nickname', () => 'new field'],
			['plan', () => null],
		];
		const items: IDataObject[] = [];
		const changed = new Set<string>();
		for (let index = 0; index < 300; index++) {
			const id = `r${index}`;
			const attributes: IDataObject = {
				plan: pick(['free', 'pro']),
				seats: Math.floor(random() * 50),
				beta: random() < 0.5,
				tags: ['a', `t${index}`],
				renewal: '2030-06-01T00:00:00.000+00:00',
			};
			store.addUser(id, structuredClone(attributes));
			const row: IDataObject = { ...structuredClone(attributes), renewal: { set: '2030-06-01', data_type: 'datetime' } };
			if (random() < 0.3) {
				const [field, change] = pick(fields);
				row[field] = change(attributes) as never;
				changed.add(id);
			}
			items.push({ id, attributes: row });
		}
		const result = await runUserflowV2(emulator(), upsertUsersFromJson(), { items });
		expect(result.status).toBe('success');
		expect(changed.size).toBeGreaterThan(50);
		expect(sentIds(emulator())).toEqual([...changed].sort());
		expect(skippedIds(result.itemsOf('Userflow'))).toEqual(items.map((item) => String(item.id)).filter((id) => !changed.has(id)).sort());
	});
});
