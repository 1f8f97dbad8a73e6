/**
 * Skip Unchanged through n8n's engine against the emulator: which values count as equal,
 * for each attribute form. Every item that would change something must reach Userflow.
 */
import type { IDataObject } from 'n8n-workflow';

import { rows, useEmulator } from '../../engineHelpers';
import { sentIds, skipUnchanged, skippedIds, upserts, runUserflowV2, upsertUsersFromJson } from './helpers';

describe('Skip Unchanged: equal and unequal values', () => {
	const emulator = useEmulator();

	it('Define Below: skips only the user whose every typed value equals the stored one', async () => {
		const stored = { plan: 'pro', seats: 5, active: true, tags: ['a', 'b'], signed_up_at: '2026-01-02T00:00:00.000+00:00' };
		const store = emulator().store;
		for (const id of ['same', 'order', 'seats', 'instant', 'active', 'plan']) store.addUser(id, { ...stored, tags: [...stored.tags] });
		store.addUser('seatsAsText', { ...stored, seats: '5' });
		const same = { plan: 'pro', seats: '5', active: 'true', tags: 'a, b', signed: '2026-01-02' };
		const items = [
			{ id: 'same', ...same },
			{ id: 'order', ...same, tags: 'b, a' },
			{ id: 'seats', ...same, seats: '6' },
			{ id: 'instant', ...same, signed: '2026-01-02T00:00:01Z' },
			{ id: 'active', ...same, active: 'false' },
			{ id: 'plan', ...same, plan: 'Pro' },
			// Userflow holds the text "5"; the item writes the number 5.
			{ id: 'seatsAsText', ...same },
			{ id: 'missing', ...same },
		];
		const result = await runUserflowV2(
			emulator(),
			{
				resource: 'user',
				operation: 'upsert',
				userId: '={{ $json.id }}',
				attributes: rows(
					{ name: 'plan', value: '={{ $json.plan }}' },
					{ name: 'seats', type: 'number', value: '={{ $json.seats }}' },
					{ name: 'active', type: 'boolean', value: '={{ $json.active }}' },
					{ name: 'tags', type: 'list', value: '={{ $json.tags }}' },
					{ name: 'signed_up_at', type: 'datetime', value: '={{ $json.signed }}' },
				),
				options: skipUnchanged,
			},
			{ items },
		);
		expect(result.status).toBe('success');
		const output = result.itemsOf('Userflow');
		expect(skippedIds(output)).toEqual(['same']);
		expect(sentIds(emulator())).toEqual(['active', 'instant', 'missing', 'order', 'plan', 'seats', 'seatsAsText']);
		expect(store.users.get('order')?.attributes.tags).toEqual(['b', 'a']);
		expect(store.users.get('seatsAsText')?.attributes.seats).toBe(5);
		expect(store.users.get('missing')?.attributes).toMatchObject({ plan: 'pro', seats: 5 });
		// The skipped item is the record as Userflow holds it, marked; sent items are marked too.
		expect(output[0]).toEqual({
			object: 'user',
			id: 'same',
			created_at: store.users.get('same')?.created_at,
			attributes: stored,
			groups: null,
			memberships: null,
			_skipped: true,
		});
		expect(output[1]).toMatchObject({ object: 'user', id: 'order', _skipped: false });
		expect(output.map((item) => item.id)).toEqual(items.map((item) => item.id));
	});

	it('Clear counts as equal to an absent attribute, not to a present one', async () => {
		emulator().store.addUser('absent', { plan: 'pro' });
		emulator().store.addUser('present', { plan: 'pro', old: 'x' });
		const result = await runUserflowV2(
			emulator(),
			{
				resource: 'user',
				operation: 'upsert',
				userId: '={{ $json.id }}',
				attributes: rows({ name: 'old', action: 'clear' }, { name: 'plan', value: 'pro' }),
				options: skipUnchanged,
			},
			{ items: [{ id: 'absent' }, { id: 'present' }] },
		);
		expect(skippedIds(result.itemsOf('Userflow'))).toEqual(['absent']);
		expect(sentIds(emulator())).toEqual(['present']);
		expect(emulator().store.users.get('present')?.attributes).toEqual({ plan: 'pro' });
	});

	it('Map Automatically: compares each field with its JSON type', async () => {
		emulator().store.addUser('u1', { plan: 'pro', seats: 5, beta: false });
		emulator().store.addUser('u2', { plan: 'pro', seats: 5, beta: false });
		emulator().store.addUser('u3', { plan: 'pro', seats: 5 });
		const result = await runUserflowV2(
			emulator(),
			{
				resource: 'user',
				operation: 'upsert',
				userId: '={{ $json.id }}',
				attributeInput: 'autoMapInputData',
				fieldsToExclude: 'id',
				options: skipUnchanged,
			},
			{
				items: [
					{ id: 'u1', plan: 'pro', seats: 5, beta: false },
					{ id: 'u2', plan: 'pro', seats: '5', beta: false },
					{ id: 'u3', plan: 'pro', seats: 5, beta: false },
				],
			},
		);
		expect(skippedIds(result.itemsOf('Userflow'))).toEqual(['u1']);
		expect(sentIds(emulator())).toEqual(['u2', 'u3']);
		expect(emulator().store.users.get('u3')?.attributes.beta).toBe(false);
	});

	it('Map Automatically: a date text equals the stored instant only for an attribute Userflow defines as a datetime', async () => {
		const store = emulator().store;
		store.addAttributeDefinition({ name: 'renewal', scope: 'user', data_type: 'datetime' });
		store.addAttributeDefinition({ name: 'note', scope: 'user', data_type: 'string' });
		// Userflow answers datetimes in its own form, whatever text was sent.
		store.addUser('renewalSame', { renewal: '2026-01-02T00:00:00.000+00:00' });
		store.addUser('renewalLater', { renewal: '2026-01-02T00:00:00.000+00:00' });
		store.addUser('noteText', { note: '2026-01-02T00:00:00.000+00:00' });
		const result = await runUserflowV2(
			emulator(),
			{
				resource: 'user',
				operation: 'upsert',
				userId: '={{ $json.id }}',
				attributeInput: 'autoMapInputData',
				fieldsToExclude: 'id',
				options: skipUnchanged,
			},
			{
				items: [
					{ id: 'renewalSame', renewal: '2026-01-02T00:00:00Z' },
					{ id: 'renewalLater', renewal: '2026-01-02T00:00:01Z' },
					{ id: 'noteText', note: '2026-01-02T00:00:00Z' },
				],
			},
		);
		expect(skippedIds(result.itemsOf('Userflow'))).toEqual(['renewalSame']);
		expect(sentIds(emulator())).toEqual(['noteText', 'renewalLater']);
		expect(store.users.get('noteText')?.attributes.note).toBe('2026-01-02T00:00:00Z');
	});

	it('JSON: plain sets compare by value; every other change operation is always sent', async () => {
		const stored = { plan: 'pro', logins: 3, tags: ['a'], first_seen: 'x', since: '2026-01-02T00:00:00.000+00:00' };
		const store = emulator().store;
		const cases: Record<string, IDataObject> = {
			set: { plan: { set: 'pro' } },
			setDatetime: { since: { set: '2026-01-02', data_type: 'datetime' } },
			setNumberText: { logins: { set: '3', data_type: 'number' } },
			add0: { logins: { add: 0 } },
			subtract0: { logins: { subtract: 0 } },
			append: { tags: { append: 'a' } },
			prepend: { tags: { prepend: ['a'] } },
			remove: { tags: { remove: 'zz' } },
			setOnce: { first_seen: { set_once: 'x' } },
		};
		for (const id of Object.keys(cases)) store.addUser(id, structuredClone(stored));
		const result = await runUserflowV2(emulator(), upsertUsersFromJson(), {
			items: Object.entries(cases).map(([id, attributes]) => ({ id, attributes })),
		});
		expect(result.status).toBe('success');
		expect(skippedIds(result.itemsOf('Userflow'))).toEqual(['set', 'setDatetime', 'setNumberText']);
		expect(sentIds(emulator())).toEqual(['add0', 'append', 'prepend', 'remove', 'setOnce', 'subtract0']);
		expect(store.users.get('append')?.attributes.tags).toEqual(['a', 'a']);
	});

	it('Group → Create or Update: skips equal groups and sends changed and missing ones', async () => {
		emulator().store.addGroup('acme', { name: 'Acme', seats: 10 });
		emulator().store.addGroup('globex', { name: 'Globex', seats: 10 });
		const result = await runUserflowV2(
			emulator(),
			{
				resource: 'group',
				operation: 'upsert',
				groupId: '={{ $json.id }}',
				attributeInput: 'json',
				attributesJson: '={{ JSON.stringify($json.attributes) }}',
				options: skipUnchanged,
			},
			{
				items: [
					{ id: 'acme', attributes: { name: 'Acme', seats: 10 } },
					{ id: 'globex', attributes: { name: 'Globex', seats: 11 } },
					{ id: 'initech', attributes: { name: 'Initech' } },
				],
			},
		);
		const output = result.itemsOf('Userflow');
		expect(output[0]).toEqual({
			object: 'group',
			id: 'acme',
			created_at: emulator().store.groups.get('acme')?.created_at,
			attributes: { name: 'Acme', seats: 10 },
			memberships: null,
			users: null,
			_skipped: true,
		});
		expect(upserts(emulator()).map((request) => request.path)).toEqual(['/groups', '/groups']);
		expect(sentIds(emulator())).toEqual(['globex', 'initech']);
		expect(emulator().store.groups.get('globex')?.attributes.seats).toBe(11);
	});
});
