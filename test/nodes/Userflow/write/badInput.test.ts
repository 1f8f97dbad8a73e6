import { rows, runUserflow, sent, useEmulator } from '../engineHelpers';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/**
 * A literally empty required field is caught by n8n before the run; what reaches the node is
 * an expression that evaluates to nothing (a missing field of the incoming item).
 */
const EMPTY = '={{ $json.missing }}';

describe('Userflow node: bad input fails its item before any request', () => {
	const emulator = useEmulator();

	it.each([
		['a blank user ID on Create or Update', { resource: 'user', operation: 'upsert', userId: '  ' }, 'User ID: is empty'],
		['a blank user on Get', { resource: 'user', operation: 'get', userId: byId(EMPTY) }, 'User: is empty'],
		['a blank user on Delete', { resource: 'user', operation: 'delete', userId: byId(EMPTY) }, 'User: is empty'],
		['a blank group on Update', { resource: 'group', operation: 'update', groupId: byId(' ') }, 'Group: is empty'],
		[
			'a blank group with Add to Group',
			{ resource: 'user', operation: 'upsert', userId: 'u1', addToGroup: true, groupId: EMPTY },
			'Group ID: is empty',
		],
		[
			'a blank group on membership Remove',
			{ resource: 'membership', operation: 'remove', userId: byId('u1'), groupId: byId(EMPTY) },
			'Group: is empty',
		],
		[
			'an event with neither user nor group',
			{ resource: 'event', operation: 'track', eventName: 'signed_up' },
			'User ID / Group ID: both are empty',
		],
		['an event without a name', { resource: 'event', operation: 'track', eventName: ' ', userId: 'u1' }, 'Event Name: is empty'],
		[
			'invalid JSON',
			{ resource: 'user', operation: 'upsert', userId: 'u1', attributeInput: 'json', attributesJson: '{"plan": "pro",}' },
			'Attributes (JSON): is not valid JSON',
		],
		[
			'a JSON array instead of an object',
			{ resource: 'group', operation: 'upsert', groupId: 'g1', attributeInput: 'json', attributesJson: '["plan"]' },
			'Attributes (JSON): must be a JSON object',
		],
		[
			'a JSON operation with the wrong operand',
			{ resource: 'user', operation: 'upsert', userId: 'u1', attributeInput: 'json', attributesJson: '{"logins": {"add": "one"}}' },
			'Attributes (JSON) › logins: "add" needs a number',
		],
		[
			'a number that is not one',
			{ resource: 'user', operation: 'upsert', userId: 'u1', attributes: rows({ name: 'seats', type: 'number', value: 'twelve' }) },
			"Attributes › seats: 'twelve' is not a number",
		],
		[
			'a boolean that is not one',
			{ resource: 'user', operation: 'upsert', userId: 'u1', attributes: rows({ name: 'vip', type: 'boolean', value: 'maybe' }) },
			"Attributes › vip: 'maybe' is not a boolean",
		],
		[
			'a date that is not one',
			{ resource: 'user', operation: 'upsert', userId: 'u1', attributes: rows({ name: 'signed_up_at', type: 'datetime', value: 'yesterday' }) },
			"Attributes › signed_up_at: 'yesterday' is not a date",
		],
		[
			'an add that is not a number',
			{ resource: 'group', operation: 'upsert', groupId: 'g1', attributes: rows({ name: 'mrr', action: 'add', value: 'lots' }) },
			"Attributes › mrr: 'lots' is not a number",
		],
		[
			'an event attribute in JSON that tries to clear',
			{
				resource: 'event',
				operation: 'track',
				eventName: 'x',
				userId: 'u1',
				attributeInput: 'json',
				attributesJson: '{"source": null}',
			},
			'Attributes (JSON) › source: cannot be null here',
		],
	])('%s', async (_case, parameters, message) => {
		const result = await runUserflow(emulator(), parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(message);
		expect(sent(emulator())).toEqual([]);
	});

	it('an auto-mapped nested object is refused, naming the field', async () => {
		const result = await runUserflow(
			emulator(),
			{ resource: 'user', operation: 'upsert', userId: 'u1', attributeInput: 'autoMapInputData' },
			{ items: [{ email: 'a@b.c', address: { city: 'Oslo' } }] },
		);
		expect(result.error?.message).toContain('Attributes › address: is an object');
		expect(sent(emulator())).toEqual([]);
	});
});

describe('Userflow node: Continue On Fail', () => {
	const emulator = useEmulator();
	const parameters = {
		resource: 'user',
		operation: 'upsert',
		userId: '={{ $json.id }}',
		attributes: rows({ name: 'seats', type: 'number', value: '={{ $json.seats }}' }),
		options: { checkNameCase: false },
	};
	const items = [
		{ id: 'u0', seats: 1 },
		{ id: 'u1', seats: 'many' },
		{ id: '', seats: 3 },
		{ id: 'u3', seats: '4' },
	];

	it('fails the bad items with their reasons and keeps the others going', async () => {
		const result = await runUserflow(emulator(), parameters, { items, continueOnFail: true });
		expect(result.status).toBe('success');
		const output = result.outputOf('Userflow');
		expect(output).toHaveLength(4);
		expect(output[0].json).toMatchObject({ id: 'u0', attributes: { seats: 1 } });
		expect(output[1].error?.message).toBe("Attributes › seats: 'many' is not a number");
		expect(output[2].error?.message).toBe('User ID: is empty; give the ID used in your app');
		expect(output[3].json).toMatchObject({ id: 'u3', attributes: { seats: 4 } });
		expect(sent(emulator()).map((request) => request.body)).toEqual(
			expect.arrayContaining([
				{ id: 'u0', attributes: { seats: 1 } },
				{ id: 'u3', attributes: { seats: 4 } },
			]),
		);
		expect(sent(emulator())).toHaveLength(2);
		expect([...emulator().store.users.keys()].sort()).toEqual(['u0', 'u3']);
	});

	it('an API error (404) on one item is returned on that item only', async () => {
		emulator().store.addUser('u1');
		const result = await runUserflow(
			emulator(),
			{ resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ items: [{ id: 'u1' }, { id: 'nobody' }], continueOnFail: true },
		);
		const output = result.outputOf('Userflow');
		expect(output[0].json).toMatchObject({ id: 'u1' });
		expect(output[1].error?.message).toBe("User 'nobody' does not exist in this Userflow environment");
	});

	it('without Continue On Fail the run stops with the first bad item named', async () => {
		const result = await runUserflow(emulator(), parameters, { items });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe("Attributes › seats: 'many' is not a number");
		expect(emulator().store.users.has('u1')).toBe(false);
	});
});
