/**
 * Nothing becomes another value silently, through n8n's engine: what cannot be sent as
 * given fails its item before any request, naming the field; what can is sent exactly.
 */
import { codeNode, manualTrigger, runWorkflow, userflowNode, workflow } from '../../../harness';
import { rows, runUserflow, sent, useEmulator } from '../engineHelpers';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const NO_CHECK = { checkNameCase: false };

describe('Userflow node: numbers that are not finite', () => {
	const emulator = useEmulator();

	it('1e999 in Define Below leaves the stored value untouched and fails its item; the others go on', async () => {
		emulator().store.addUser('u1', { seats: 5 });
		emulator().store.addUser('u2', { seats: 5 });
		const result = await runUserflow(
			emulator(),
			{
				resource: 'user',
				operation: 'upsert',
				userId: '={{ $json.id }}',
				attributes: rows({ name: 'seats', type: 'number', value: '={{ $json.seats }}' }),
				options: NO_CHECK,
			},
			{ items: [{ id: 'u1', seats: '1e999' }, { id: 'u2', seats: '7' }], continueOnFail: true },
		);
		const [bad, good] = result.outputOf('Userflow');
		expect(bad.error?.message).toBe("Attributes › seats: '1e999' is too large to be a number");
		expect(bad.error?.description).toBe('Nothing was sent to Userflow for this item.');
		expect(good.json).toMatchObject({ id: 'u2', attributes: { seats: 7 } });
		expect(emulator().store.users.get('u1')?.attributes).toEqual({ seats: 5 });
		expect(sent(emulator()).map((request) => request.body)).toEqual([{ id: 'u2', attributes: { seats: 7 } }]);
	});

	it.each([
		['a JSON value', { attributeInput: 'json', attributesJson: '{"seats": 1e999}' }, 'Attributes (JSON) › seats: is a number too large'],
		['a JSON Add', { attributeInput: 'json', attributesJson: '{"seats": {"add": 1e999}}' }, 'Attributes (JSON) › seats: "add" has a number too large'],
		['a JSON list', { attributeInput: 'json', attributesJson: '{"scores": [1, -1e999]}' }, 'Attributes (JSON) › scores: is a number too large'],
		['an Add row', { attributes: rows({ name: 'seats', action: 'add', value: '1e999' }) }, "Attributes › seats: '1e999' is too large"],
		['an expression giving Infinity', { attributes: rows({ name: 'seats', type: 'number', value: '={{ 1 / 0 }}' }) }, 'Attributes › seats: Infinity is not a number Userflow can store'],
	])('%s is refused and nothing is sent', async (_case, parameters, message) => {
		emulator().store.addUser('u1', { seats: 5, scores: [1] });
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'upsert', userId: 'u1', options: NO_CHECK, ...parameters });
		expect(result.error?.message).toContain(message);
		expect(sent(emulator())).toEqual([]);
		expect(emulator().store.users.get('u1')?.attributes).toEqual({ seats: 5, scores: [1] });
	});

	it('event attributes are checked the same way', async () => {
		emulator().store.addUser('u1');
		const attribute = await runUserflow(emulator(), {
			resource: 'event',
			operation: 'track',
			eventName: 'paid',
			userId: 'u1',
			attributes: rows({ name: 'amount', type: 'number', value: '1e999' }),
			options: NO_CHECK,
		});
		expect(attribute.error?.message).toBe("Attributes › amount: '1e999' is too large to be a number");
		expect(sent(emulator())).toEqual([]);
		expect(emulator().store.events).toEqual([]);
	});
});

describe('Userflow node: Get Many limits and filters are checked before any request', () => {
	const emulator = useEmulator();

	it.each([['abc'], [0], [-5], [150.7], ['={{ "12x" }}']])('Limit %p fails with a clear message', async (limit) => {
		emulator().seedUsers(3);
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'getAll', limit });
		expect(result.error?.message).toMatch(/^Limit: .* is not a whole number of 1 or more$/);
		expect(result.error?.description).toBe('Nothing was sent to Userflow for this item.');
		expect(sent(emulator())).toEqual([]);
	});

	it('Limit as digits from an expression is a number', async () => {
		emulator().seedUsers(3);
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'getAll', limit: '={{ "2" }}' });
		expect(result.itemsOf('Userflow')).toHaveLength(2);
	});

	it.each([
		['an object as email', { resource: 'user', operation: 'getAll', filters: { email: '={{ { a: 1 } }}' } }, 'Filters › Email: must be text, not an object'],
		['a list as email', { resource: 'user', operation: 'getAll', filters: { email: '={{ ["a@b.c"] }}' } }, 'Filters › Email: must be text, not a list'],
		[
			'an object as the user of content sessions',
			{ resource: 'contentSession', operation: 'getAll', contentId: byId('c1'), filters: { userId: byId('={{ { id: 1 } }}') } },
			'Filters › User: must be text, not an object',
		],
		[
			'a user ID with spaces around it',
			{ resource: 'contentSession', operation: 'getAll', contentId: byId('c1'), filters: { userId: byId(' u1 ') } },
			"Filters › User: ' u1 ' has spaces at the start or end",
		],
	])('%s is refused', async (_case, parameters, message) => {
		const result = await runUserflow(emulator(), parameters);
		expect(result.error?.message).toContain(message);
		expect(sent(emulator())).toEqual([]);
	});
});

describe('Userflow node: the ID rule (sent exactly as given, never trimmed; no . or .. in a path)', () => {
	const emulator = useEmulator();

	it.each([
		['Create or Update', { resource: 'user', operation: 'upsert', userId: ' u1' }, "User ID: ' u1' has spaces at the start or end"],
		['Get', { resource: 'user', operation: 'get', userId: byId('u1 ') }, "User: 'u1 ' has spaces at the start or end"],
		['Track (user)', { resource: 'event', operation: 'track', eventName: 'x', userId: ' u1' }, "User ID: ' u1' has spaces"],
		['Track (group)', { resource: 'event', operation: 'track', eventName: 'x', groupId: 'g1\t' }, 'Group ID: \'g1\t\' has spaces'],
		['Content Get', { resource: 'content', operation: 'get', contentId: byId(' c1 ') }, "Content: ' c1 ' has spaces"],
		['Delete ..', { resource: 'user', operation: 'delete', userId: byId('..') }, "User: cannot be '..': in a URL it would address another endpoint"],
		['Get .', { resource: 'group', operation: 'get', groupId: byId('.') }, "Group: cannot be '.'"],
		['Update ..', { resource: 'user', operation: 'update', userId: byId('..') }, "User: cannot be '..'"],
		['Membership Remove ..', { resource: 'membership', operation: 'remove', userId: byId('..'), groupId: byId('g1') }, "User: cannot be '..'"],
	])('%s: refused before any request', async (_case, parameters, message) => {
		emulator().store.addUser('u1');
		const result = await runUserflow(emulator(), { ...parameters, options: NO_CHECK });
		expect(result.error?.message).toContain(message);
		expect(sent(emulator())).toEqual([]);
		expect(emulator().store.users.has('u1')).toBe(true);
	});

	it('an event name given as a number must be text; one with spaces around it is refused', async () => {
		emulator().store.addUser('u1');
		const number = await runUserflow(emulator(), { resource: 'event', operation: 'track', eventName: '={{ 42 }}', userId: 'u1' });
		expect(number.error?.message).toBe('Event Name: must be text, not the number 42');
		const padded = await runUserflow(emulator(), { resource: 'event', operation: 'track', eventName: 'signed_up ', userId: 'u1' });
		expect(padded.error?.message).toBe("Event Name: 'signed_up ' has spaces at the start or end; names are sent exactly as given, so remove them");
		expect(sent(emulator())).toEqual([]);
	});

	it('IDs are sent exactly as given: spaces inside, slashes and dots in a body are fine', async () => {
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'upsert', userId: '={{ $json.id }}', options: NO_CHECK }, {
			items: [{ id: 'u 1/x' }, { id: '..' }, { id: 42 }],
		});
		expect(result.status).toBe('success');
		expect(sent(emulator()).map((request) => (request.body as { id: string }).id).sort()).toEqual(['..', '42', 'u 1/x']);
	});
});

describe('Userflow node: attribute names that are built-in object properties', () => {
	const emulator = useEmulator();
	const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

	it('Define Below carries them as ordinary names, Add on one included', async () => {
		emulator().store.addUser('u1');
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'upsert',
			userId: 'u1',
			attributes: rows(...NAMES.map((name) => ({ name, value: `v_${name}` })), { name: 'isPrototypeOf', action: 'add', value: '2' }),
			options: NO_CHECK,
		});
		expect(result.status).toBe('success');
		const expected = { ...Object.fromEntries(NAMES.map((name) => [name, `v_${name}`])), isPrototypeOf: 2 };
		expect(Object.keys(emulator().store.users.get('u1')!.attributes).sort()).toEqual(Object.keys(expected).sort());
		expect(JSON.parse(JSON.stringify(emulator().store.users.get('u1')!.attributes))).toEqual(expected);
	});

	it('JSON carries them, and a real duplicate is still refused', async () => {
		const json = `{${NAMES.map((name) => `"${name}": 1`).join(', ')}}`;
		const result = await runUserflow(emulator(), { resource: 'group', operation: 'upsert', groupId: 'g1', attributeInput: 'json', attributesJson: json, options: NO_CHECK });
		expect(result.status).toBe('success');
		expect(JSON.parse(JSON.stringify(emulator().store.groups.get('g1')!.attributes))).toEqual(JSON.parse(json));
		const duplicate = await runUserflow(emulator(), {
			resource: 'group',
			operation: 'upsert',
			groupId: 'g1',
			attributes: rows({ name: 'constructor', value: 'a' }, { name: 'constructor', value: 'b' }),
			options: NO_CHECK,
		});
		expect(duplicate.error?.message).toBe('Attributes › constructor: is listed more than once');
	});

	it('Map Automatically carries them from the item', async () => {
		const run = await runWorkflow(
			workflow([
				manualTrigger(),
				codeNode(`return [{ json: JSON.parse('{"id": "u1", "constructor": "c", "toString": "t", "hasOwnProperty": 3}') }];`),
				userflowNode({ resource: 'user', operation: 'upsert', userId: '={{ $json.id }}', attributeInput: 'autoMapInputData', fieldsToExclude: 'id', options: NO_CHECK }),
			]),
			{ credentials: { userflowApi: { apiKey: emulator().apiKey, baseUrl: emulator().baseUrl } } },
		);
		expect(run.status).toBe('success');
		expect(JSON.parse(JSON.stringify(emulator().store.users.get('u1')!.attributes))).toEqual({ constructor: 'c', toString: 't', hasOwnProperty: 3 });
	});

	it('a name with spaces around it is refused rather than trimmed', async () => {
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'upsert', userId: 'u1', attributes: rows({ name: ' plan', value: 'pro' }), options: NO_CHECK });
		expect(result.error?.message).toContain("Attributes ›  plan: the name has spaces at the start or end");
		expect(sent(emulator())).toEqual([]);
	});
});
