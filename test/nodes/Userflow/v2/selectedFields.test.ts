/**
 * n8n's output modes for reads, through the engine against the emulator: Simplified (Simplify
 * on, the default), Raw (Simplify off) and Selected Fields (Options → Selected Fields).
 */
import { errorMessageOf, locator, runUserflow, sent, useEmulator } from '../engineHelpers';

describe('version 2 Selected Fields', () => {
	const emulator = useEmulator();

	beforeEach(() => {
		emulator().store.addUser('u1', { name: 'Ava', email: 'ava@example.com', plan: 'pro', seats: 12 });
		emulator().store.addUser('u2', { name: 'Ben', plan: 'free' });
		emulator().store.addGroup('acme', { name: 'Acme', tier: 'gold' });
		emulator().store.addMembership('u1', 'acme', { role: 'admin' });
	});

	it('Get Many with Simplify keeps only the named flat fields, in every record; one a record lacks is left out', async () => {
		const result = await runUserflow(
			emulator(),
			{ resource: 'user', operation: 'getAll', returnAll: true, options: { orderBy: 'created_at', selectedFields: 'id, email ,plan' } },
			{ typeVersion: 2 },
		);
		expect(result.itemsOf('Userflow')).toEqual([
			{ id: 'u1', email: 'ava@example.com', plan: 'pro' },
			{ id: 'u2', plan: 'free' },
		]);
	});

	it("with Simplify off, dot paths reach into Userflow's object", async () => {
		const result = await runUserflow(
			emulator(),
			{ resource: 'user', operation: 'get', userId: locator('u1', 'list'), simplify: false, options: { selectedFields: 'id,attributes.plan,attributes.seats' } },
			{ typeVersion: 2 },
		);
		expect(result.itemsOf('Userflow')).toEqual([{ id: 'u1', attributes: { plan: 'pro', seats: 12 } }]);
	});

	it('Raw (Simplify off) returns Userflow\'s object whole, Simplified the flat record, as before', async () => {
		const raw = await runUserflow(emulator(), { resource: 'group', operation: 'get', groupId: locator('acme'), simplify: false }, { typeVersion: 2 });
		expect(raw.itemsOf('Userflow')).toEqual([
			expect.objectContaining({ object: 'group', id: 'acme', attributes: { name: 'Acme', tier: 'gold' } }),
		]);
		const simplified = await runUserflow(emulator(), { resource: 'group', operation: 'get', groupId: locator('acme') }, { typeVersion: 2 });
		expect(simplified.itemsOf('Userflow')).toEqual([{ id: 'acme', name: 'Acme', tier: 'gold', created_at: expect.any(String) }]);
	});

	it('Membership Get Many and group Get Many select from their records too', async () => {
		const memberships = await runUserflow(
			emulator(),
			{ resource: 'membership', operation: 'getAll', userId: locator('u1', 'list'), options: { selectedFields: 'group_id,role,group.name' } },
			{ typeVersion: 2 },
		);
		expect(memberships.itemsOf('Userflow')).toEqual([{ group_id: 'acme', role: 'admin', group: { name: 'Acme' } }]);
		const groups = await runUserflow(emulator(), { resource: 'group', operation: 'getAll', options: { selectedFields: 'tier' } }, { typeVersion: 2 });
		expect(groups.itemsOf('Userflow')).toEqual([{ tier: 'gold' }]);
	});

	it('a field list that is not names fails the item, naming the field, before anything is sent', async () => {
		const result = await runUserflow(
			emulator(),
			{ resource: 'user', operation: 'getAll', options: { selectedFields: 'email, attributes..plan' } },
			{ typeVersion: 2 },
		);
		expect(errorMessageOf(result)).toBe("Selected Fields: 'attributes..plan' is not a field name or a dot path such as attributes.plan");
		expect(sent(emulator())).toEqual([]);
	});

	it('an empty list returns every field', async () => {
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'get', userId: locator('u2', 'list'), options: { selectedFields: ' , ' } }, { typeVersion: 2 });
		expect(result.itemsOf('Userflow')).toEqual([{ id: 'u2', name: 'Ben', plan: 'free', created_at: expect.any(String) }]);
	});
});
