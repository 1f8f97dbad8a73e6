/**
 * Version 2, item 1 of issue 10: `userId` and `groupId` are resource locators in every
 * operation that shows them, so a value kept while the user switches operation still fits.
 */
import { NodeHelpers, type INodeProperties } from 'n8n-workflow';

import { Userflow } from '../../../../nodes/Userflow/Userflow.node';
import { locator, rows, runUserflow, useEmulator, writes } from '../engineHelpers';

const v2 = NodeHelpers.getVersionedNodeType(new Userflow(), 2).description;
const v1 = NodeHelpers.getVersionedNodeType(new Userflow(), 1).description;

/** Every copy of a parameter, top level and inside collections (the sessions' user filter). */
function copiesOf(properties: INodeProperties[], name: string): INodeProperties[] {
	return properties.flatMap((property) => [
		...(property.name === name ? [property] : []),
		...(property.type === 'collection' ? copiesOf((property.options ?? []) as INodeProperties[], name) : []),
	]);
}

describe('version 2: one type per ID parameter', () => {
	it.each(['userId', 'groupId'])('every %s is a locator with From list and By ID, in every operation', (name) => {
		const copies = copiesOf(v2.properties, name);
		expect(copies.length).toBeGreaterThan(1);
		for (const copy of copies) {
			expect(copy.type).toBe('resourceLocator');
			expect(copy.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
		}
		// Version 1 had plain text here and there (kept for saved workflows).
		expect(new Set(copiesOf(v1.properties, name).map((copy) => copy.type))).toEqual(new Set(['string', 'resourceLocator']));
	});

	it('opens on By ID where the ID may be new, on From list for objects that must exist', () => {
		const defaultMode = (resource: string, operation: string, name: string) => {
			const shown = v2.properties.filter(
				(property) =>
					property.name === name &&
					NodeHelpers.displayParameter({ resource, operation, addToGroup: true }, property, null, v2),
			);
			expect(shown).toHaveLength(1);
			return (shown[0].default as { mode: string }).mode;
		};
		expect(defaultMode('user', 'upsert', 'userId')).toBe('id');
		expect(defaultMode('user', 'upsert', 'groupId')).toBe('id');
		expect(defaultMode('group', 'upsert', 'groupId')).toBe('id');
		expect(defaultMode('event', 'track', 'userId')).toBe('id');
		expect(defaultMode('event', 'track', 'groupId')).toBe('id');
		expect(defaultMode('membership', 'add', 'groupId')).toBe('id');
		for (const operation of ['get', 'update', 'delete']) {
			expect(defaultMode('user', operation, 'userId')).toBe('list');
			expect(defaultMode('group', operation, 'groupId')).toBe('list');
		}
		expect(defaultMode('membership', 'add', 'userId')).toBe('list');
		expect(defaultMode('membership', 'remove', 'groupId')).toBe('list');
	});
});

describe('version 2 IDs through the engine', () => {
	const emulator = useEmulator();

	it('a user picked on Get (From list) still works after switching to Create or Update', async () => {
		emulator().store.addUser('user_15', { name: 'Ava' });
		const picked = locator('user_15', 'list');
		const get = await runUserflow(emulator(), { resource: 'user', operation: 'get', userId: picked }, { typeVersion: 2 });
		expect(get.error).toBeUndefined();
		const upsert = await runUserflow(
			emulator(),
			{ resource: 'user', operation: 'upsert', userId: picked, attributes: rows({ name: locator('plan', 'name'), value: 'pro', type: 'string' }) },
			{ typeVersion: 2 },
		);
		expect(upsert.error).toBeUndefined();
		expect(emulator().store.users.get('user_15')?.attributes).toEqual({ name: 'Ava', plan: 'pro' });
	});

	it('Create or Update takes a new ID typed By ID, and a group By ID with Add to Group', async () => {
		const result = await runUserflow(
			emulator(),
			{ resource: 'user', operation: 'upsert', userId: locator('={{ "u_" + 7 }}'), addToGroup: true, groupId: locator('acme') },
			{ typeVersion: 2 },
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator()).map((request) => request.body)).toEqual([{ id: 'u_7', groups: [{ id: 'acme' }] }]);
	});

	it('Event Track takes locators for the user and the group, and either may stay empty', async () => {
		emulator().store.addUser('u_1');
		const result = await runUserflow(
			emulator(),
			{
				resource: 'event',
				operation: 'track',
				eventName: locator('signed_up', 'name'),
				userId: locator('u_1'),
				groupId: locator(''),
				options: { checkNameCase: false },
			},
			{ typeVersion: 2 },
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator()).map((request) => request.body)).toEqual([{ name: 'signed_up', user_id: 'u_1' }]);
	});

	it('a group upsert By ID', async () => {
		const result = await runUserflow(emulator(), { resource: 'group', operation: 'upsert', groupId: locator('acme') }, { typeVersion: 2 });
		expect(result.error).toBeUndefined();
		expect(emulator().store.groups.has('acme')).toBe(true);
	});
});
