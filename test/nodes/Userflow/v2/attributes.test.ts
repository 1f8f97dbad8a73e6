/**
 * Version 2, items 2 and 3 of issue 10: an attribute row's name is picked from Userflow's
 * definitions or typed new (a locator), and Type "Auto" (the default) uses the definition's
 * data type when Userflow knows the attribute, the value's own type otherwise.
 */
import { NodeHelpers, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { Userflow } from '../../../../nodes/Userflow/Userflow.node';
import { attributeLookup, errorMessageOf, locator, rows, runUserflow, sent, useEmulator, writes } from '../engineHelpers';

const v2 = NodeHelpers.getVersionedNodeType(new Userflow(), 2).description;

function rowFields(name: string): INodeProperties[] {
	const field = v2.properties.find((property) => property.name === name)!;
	return (field.options as Array<{ values: INodeProperties[] }>)[0].values;
}

describe('version 2 attribute rows (description)', () => {
	it.each(['attributes', 'groupAttributes', 'membershipAttributes'])('%s: the name is a locator (From list, By Name)', (name) => {
		const [nameField, , typeField] = rowFields(name);
		expect(nameField.type).toBe('resourceLocator');
		expect(nameField.modes?.map((mode) => [mode.name, mode.type])).toEqual([
			['list', 'list'],
			['name', 'string'],
		]);
		expect(typeField.default).toBe('auto');
		expect((typeField.options as Array<{ value: string }>).map((option) => option.value)).toEqual([
			'auto',
			'boolean',
			'datetime',
			'list',
			'number',
			'string',
		]);
	});
});

describe('version 2 attribute rows through the engine', () => {
	const emulator = useEmulator();
	const upsertUser = (attributes: object, extra: object = {}, items?: IDataObject[]) =>
		runUserflow(
			emulator(),
			{ resource: 'user', operation: 'upsert', userId: locator('u1'), attributes, ...extra },
			{ typeVersion: 2, items },
		);

	beforeEach(() => {
		emulator().seedAttributeDefinitions([
			{ name: 'plan', scope: 'user', data_type: 'string' },
			{ name: 'seats', scope: 'user', data_type: 'number' },
			{ name: 'zip_code', scope: 'user', data_type: 'number' },
			{ name: 'signed_up_at', scope: 'user', data_type: 'datetime' },
			{ name: 'beta', scope: 'user', data_type: 'boolean' },
		]);
	});

	it('writes a name picked from the list, one typed By Name and one typed into the search, without a warning', async () => {
		const result = await upsertUser(
			rows(
				{ name: { ...locator('plan', 'list'), cachedResultName: 'plan · string' }, value: 'pro' },
				{ name: locator('referral_code', 'name'), value: 'SPRING' },
				{ name: locator('first_touch', 'list'), value: 'ads' },
			),
		);
		expect(result.error).toBeUndefined();
		expect(emulator().store.users.get('u1')?.attributes).toEqual({ plan: 'pro', referral_code: 'SPRING', first_touch: 'ads' });
	});

	it('a name can come from the item (an expression in By Name), still with Type Auto from the definitions', async () => {
		const result = await upsertUser(rows({ name: locator('={{ $json.field }}', 'name'), value: '={{ $json.value }}' }), {}, [
			{ field: 'seats', value: '8' },
		]);
		expect(result.error).toBeUndefined();
		expect(writes(emulator())[0].body).toEqual({ id: 'u1', attributes: { seats: 8 } });
	});

	it('Type Auto: a known number given as text "5" goes as 5; unknown text stays text, "02134" included', async () => {
		const result = await upsertUser(
			rows(
				{ name: locator('seats', 'list'), value: '5' },
				{ name: locator('nickname', 'name'), value: '5' },
				{ name: locator('office_zip', 'name'), value: '02134' },
				{ name: locator('zip_code', 'list'), value: '02134' },
			),
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator())[0].body).toEqual({ id: 'u1', attributes: { seats: 5, nickname: '5', office_zip: '02134', zip_code: 2134 } });
	});

	it("Type Auto: otherwise the value's own type (numbers, booleans, lists), and Userflow's for dates and booleans", async () => {
		const result = await upsertUser(
			rows(
				{ name: locator('logins', 'name'), value: '={{ 7 }}' },
				{ name: locator('verified', 'name'), value: '={{ true }}' },
				{ name: locator('tags', 'name'), value: '={{ ["a", "b"] }}' },
				{ name: locator('signed_up_at', 'list'), value: '2024-05-01' },
				{ name: locator('beta', 'list'), value: 'yes' },
			),
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator())[0].body).toEqual({
			id: 'u1',
			attributes: {
				logins: 7,
				verified: true,
				tags: ['a', 'b'],
				signed_up_at: { set: '2024-05-01T00:00:00.000Z', data_type: 'datetime' },
				beta: true,
			},
		});
	});

	it('an explicit type still wins over the definition', async () => {
		await upsertUser(rows({ name: locator('seats', 'list'), value: '5', type: 'string' }));
		expect(writes(emulator())[0].body).toEqual({ id: 'u1', attributes: { seats: '5' } });
	});

	it('a value that does not fit the known type fails its item, naming the field', async () => {
		const result = await upsertUser(rows({ name: locator('seats', 'list'), value: 'many' }));
		expect(errorMessageOf(result)).toBe("Item 0, Attributes › seats: 'many' is not a number");
		expect(writes(emulator())).toEqual([]);
	});

	it('one definitions lookup per execution, shared with the letter-case guard, however many items', async () => {
		const items = [{ seats: '3' }, { seats: '4' }, { seats: '5' }];
		const result = await upsertUser(
			rows({ name: locator('seats', 'list'), value: '={{ $json.seats }}' }),
			{ userId: locator('={{ "u" + $json.seats }}') },
			items,
		);
		expect(result.itemsOf('Userflow')).toHaveLength(3);
		expect(sent(emulator()).filter((request) => request.path === '/attribute_definitions')).toEqual([attributeLookup('user')]);
		expect(['u3', 'u4', 'u5'].map((id) => emulator().store.users.get(id)?.attributes.seats)).toEqual([3, 4, 5]);
	});

	it('with the guard off, Auto still looks the types up once; explicit types need no lookup', async () => {
		await upsertUser(rows({ name: locator('seats', 'list'), value: '5' }), { options: { checkNameCase: false } });
		expect(sent(emulator()).filter((request) => request.path === '/attribute_definitions')).toEqual([attributeLookup('user')]);
		emulator().clearRequests();
		await upsertUser(rows({ name: locator('seats', 'list'), value: '5', type: 'number' }), { options: { checkNameCase: false } });
		expect(sent(emulator()).filter((request) => request.path === '/attribute_definitions')).toEqual([]);
	});

	it("group and membership rows use their own scope's definitions", async () => {
		emulator().seedAttributeDefinitions([
			{ name: 'seats', scope: 'group', data_type: 'number' },
			{ name: 'admin', scope: 'group_membership', data_type: 'boolean' },
		]);
		emulator().store.addUser('u1');
		const result = await runUserflow(
			emulator(),
			{
				resource: 'membership',
				operation: 'add',
				userId: locator('u1', 'list'),
				groupId: locator('acme'),
				membershipAttributes: rows({ name: locator('admin', 'list'), value: 'true' }),
				groupAttributes: rows({ name: locator('seats', 'list'), value: '12' }),
			},
			{ typeVersion: 2 },
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator())[0].body).toEqual({
			id: 'u1',
			memberships: [{ attributes: { admin: true }, group: { id: 'acme', attributes: { seats: 12 } } }],
		});
	});

	it('event attributes: Auto with the event scope, plain values', async () => {
		emulator().seedAttributeDefinitions([{ name: 'pages', scope: 'event', data_type: 'number' }]);
		emulator().store.addUser('u1');
		const result = await runUserflow(
			emulator(),
			{
				resource: 'event',
				operation: 'track',
				eventName: locator('document_created', 'list'),
				userId: locator('u1'),
				attributes: rows({ name: locator('pages', 'list'), value: '12' }, { name: locator('doc_type', 'name'), value: 'report' }),
			},
			{ typeVersion: 2 },
		);
		expect(result.error).toBeUndefined();
		expect(emulator().store.events.map((event) => [event.name, event.attributes])).toEqual([
			['document_created', { pages: 12, doc_type: 'report' }],
		]);
	});
});
