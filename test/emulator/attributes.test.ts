import { post, call, useEmulator } from './helpers';

describe('emulator attribute semantics', () => {
	const emulator = useEmulator();
	const upsert = (attributes: unknown) => post(emulator(), '/users', { id: 'u1', attributes });
	const stored = () => emulator().store.users.get('u1')?.attributes;

	it('merges attributes, keeps types, and clears with null', async () => {
		await upsert({ name: 'Ava', age: 30, active: true, tags: ['a', 'b'], signed_up_at: '2022-01-01T00:00:00Z' });
		const reply = await upsert({ age: 31, active: null });
		expect(reply.status).toBe(200);
		expect(reply.body.attributes).toEqual({ name: 'Ava', age: 31, tags: ['a', 'b'], signed_up_at: '2022-01-01T00:00:00Z' });
		expect(stored()).toEqual({ name: 'Ava', age: 31, tags: ['a', 'b'], signed_up_at: '2022-01-01T00:00:00Z' });
		expect(typeof stored()?.age).toBe('number');
		const read = await call(emulator(), '/users/u1');
		expect(read.body.attributes).toEqual(stored());
	});

	it('names such as constructor or __proto__ are ordinary attributes, stored in plain objects', async () => {
		const body = '{"id": "u1", "attributes": {"__proto__": "p", "constructor": 1, "toString": {"add": 2}}}';
		const reply = await call(emulator(), '/users', { method: 'POST', rawBody: body, headers: { 'Content-Type': 'application/json' } });
		expect(reply.status).toBe(200);
		expect(Object.keys(stored() ?? {})).toEqual(['__proto__', 'constructor', 'toString']);
		expect(JSON.stringify(stored())).toBe('{"__proto__":"p","constructor":1,"toString":2}');
		// Plain objects: strict comparisons (the e2e suite's node:assert) hold for ordinary names.
		await upsert({ plan: 'pro' });
		expect(Object.getPrototypeOf(stored())).toBe(Object.prototype);
	});

	it('applies every change operation', async () => {
		await upsert({ count: 10, tags: ['b'], plan: 'pro' });
		const reply = await upsert({
			count: { add: 5 },
			score: { subtract: 2 },
			plan: { set_once: 'free' },
			first_seen: { set_once: '2022-01-01', data_type: 'datetime' },
			tags: { append: ['c', 'd'] },
			nick: { set: 'ava', data_type: 'string' },
		});
		expect(reply.status).toBe(200);
		expect(stored()).toEqual({ count: 15, score: -2, plan: 'pro', first_seen: '2022-01-01', tags: ['b', 'c', 'd'], nick: 'ava' });
		await upsert({ tags: { prepend: 'a' }, count: { subtract: 0.5 } });
		expect(stored()).toMatchObject({ tags: ['a', 'b', 'c', 'd'], count: 14.5 });
		await upsert({ tags: { remove: ['b', 'd'] }, nick: { set: null } });
		expect(stored()).toEqual({ count: 14.5, score: -2, plan: 'pro', first_seen: '2022-01-01', tags: ['a', 'c'] });
		await upsert({ flags: { append: true, data_type: 'list' }, active: { set: false, data_type: 'boolean' } });
		expect(stored()).toMatchObject({ flags: [true], active: false });
	});

	it.each([
		['add of a string', { count: { add: 'x' } }],
		['add on a string attribute', { plan: { add: 1 } }],
		['append on a scalar attribute', { plan: { append: 'x' } }],
		['unknown operation', { count: { increment: 1 } }],
		['two operations', { count: { add: 1, subtract: 1 } }],
		['data_type alone', { count: { data_type: 'number' } }],
		['unknown data_type', { count: { set: 1, data_type: 'integer' } }],
		['value not matching data_type', { count: { set: 'one', data_type: 'number' } }],
		['bad datetime', { when: { set: 'yesterday', data_type: 'datetime' } }],
		['nested object', { address: { city: 'Oslo' } }],
		['list of objects', { items: [{ a: 1 }] }],
		['nested list', { items: [['a']] }],
		['null inside a list', { items: ['a', null] }],
		['empty attribute name', { '': 1 }],
	])('rejects %s with 400 invalid_params and changes nothing', async (_label, attributes) => {
		await upsert({ count: 1, plan: 'pro' });
		const reply = await upsert({ other: 'changed', ...attributes });
		expect(reply.status).toBe(400);
		expect(reply.body.error.code).toBe('invalid_params');
		expect(stored()).toEqual({ count: 1, plan: 'pro' });
	});

	it('applies the same semantics to group attributes', async () => {
		await post(emulator(), '/groups', { id: 'g1', attributes: { seats: 3, name: 'Acme' } });
		const reply = await post(emulator(), '/groups', { id: 'g1', attributes: { seats: { add: 2 }, name: null } });
		expect(reply.body).toMatchObject({ object: 'group', id: 'g1', attributes: { seats: 5 } });
		expect(emulator().store.groups.get('g1')?.attributes).toEqual({ seats: 5 });
		expect((await post(emulator(), '/groups', { id: 'g1', users: [] })).status).toBe(400);
	});

	it('keeps created_at on update', async () => {
		const created = await upsert({ a: 1 });
		const updated = await upsert({ a: 2 });
		expect(updated.body.created_at).toBe(created.body.created_at);
		expect(created.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
	});
});
