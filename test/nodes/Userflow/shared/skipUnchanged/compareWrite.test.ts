import { bodyChangesNothing } from '../../../../../nodes/Userflow/shared/skipUnchanged/compareWrite';
import { StoredState } from '../../../../../nodes/Userflow/shared/skipUnchanged/storedState';

function usersRead(records: unknown[], withMemberships = true): StoredState {
	const state = new StoredState('users', withMemberships);
	for (const record of records) state.add(record);
	return state;
}

const acme = { object: 'group', id: 'acme', attributes: { name: 'Acme', tier: 'gold' } };
const u1 = {
	object: 'user',
	id: 'u1',
	created_at: '2024-01-01T00:00:00.000+00:00',
	attributes: { plan: 'pro', seats: 5 },
	memberships: [{ object: 'group_membership', user_id: 'u1', group_id: 'acme', attributes: { role: 'admin' }, group: acme }],
};

describe('bodyChangesNothing: a user or group upsert against the stored record', () => {
	it('is true for equal attributes and false for a record that was not read', () => {
		const state = usersRead([u1]);
		expect(bodyChangesNothing({ id: 'u1', attributes: { plan: 'pro' } }, state.records.get('u1'), state)).toBe(true);
		expect(bodyChangesNothing({ id: 'u1' }, state.records.get('u1'), state)).toBe(true);
		expect(bodyChangesNothing({ id: 'u2', attributes: { plan: 'pro' } }, state.records.get('u2'), state)).toBe(false);
	});

	it('is false when one attribute of several differs', () => {
		const state = usersRead([u1]);
		expect(bodyChangesNothing({ id: 'u1', attributes: { plan: 'pro', seats: 6 } }, state.records.get('u1'), state)).toBe(false);
	});

	it('compares the group and the membership with their attributes', () => {
		const state = usersRead([u1]);
		const stored = state.records.get('u1');
		const same = (body: Record<string, unknown>) => bodyChangesNothing({ id: 'u1', ...body }, stored, state);
		expect(same({ groups: [{ id: 'acme' }] })).toBe(true);
		expect(same({ groups: [{ id: 'acme', attributes: { name: 'Acme' } }] })).toBe(true);
		expect(same({ groups: [{ id: 'acme', attributes: { name: 'Acme Inc' } }] })).toBe(false);
		expect(same({ groups: [{ id: 'globex' }] })).toBe(false);
		expect(same({ memberships: [{ attributes: { role: 'admin' }, group: { id: 'acme' } }] })).toBe(true);
		// Only the membership's attribute changed.
		expect(same({ memberships: [{ attributes: { role: 'owner' }, group: { id: 'acme' } }] })).toBe(false);
		expect(same({ memberships: [{ attributes: { role: 'admin' }, group: { id: 'acme', attributes: { tier: 'silver' } } }] })).toBe(false);
	});

	it('treats pruning as a change unless the user is in the listed groups only', () => {
		const inTwo = usersRead([
			{ ...u1, memberships: [...u1.memberships, { user_id: 'u1', group_id: 'globex', attributes: {}, group: { id: 'globex', attributes: {} } }] },
		]);
		const inOne = usersRead([u1]);
		const body = { id: 'u1', groups: [{ id: 'acme' }], prune_memberships: true };
		expect(bodyChangesNothing(body, inOne.records.get('u1'), inOne)).toBe(true);
		expect(bodyChangesNothing(body, inTwo.records.get('u1'), inTwo)).toBe(false);
	});

	it('cannot decide memberships it did not read, nor group attributes Userflow did not include', () => {
		const withoutMemberships = usersRead([u1], false);
		expect(bodyChangesNothing({ id: 'u1', groups: [{ id: 'acme' }] }, withoutMemberships.records.get('u1'), withoutMemberships)).toBe(false);
		const noGroupObject = usersRead([{ ...u1, memberships: [{ user_id: 'u1', group_id: 'acme', attributes: { role: 'admin' } }] }]);
		const stored = noGroupObject.records.get('u1');
		expect(bodyChangesNothing({ id: 'u1', groups: [{ id: 'acme' }] }, stored, noGroupObject)).toBe(true);
		expect(bodyChangesNothing({ id: 'u1', groups: [{ id: 'acme', attributes: { name: 'Acme' } }] }, stored, noGroupObject)).toBe(false);
		const unreadable = usersRead([{ ...u1, memberships: null }]);
		expect(bodyChangesNothing({ id: 'u1', groups: [{ id: 'acme' }] }, unreadable.records.get('u1'), unreadable)).toBe(false);
	});

	it('sends any field it does not understand, and groups never carry memberships', () => {
		const state = usersRead([u1]);
		expect(bodyChangesNothing({ id: 'u1', attributes: { plan: 'pro' }, colour: 'red' }, state.records.get('u1'), state)).toBe(false);
		const groups = new StoredState('groups', false);
		groups.add(acme);
		expect(bodyChangesNothing({ id: 'acme', attributes: { name: 'Acme' } }, groups.records.get('acme'), groups)).toBe(true);
		expect(bodyChangesNothing({ id: 'acme', groups: [] }, groups.records.get('acme'), groups)).toBe(false);
	});
});

describe('StoredState', () => {
	it('keeps attributes and membership attributes, not whole records', () => {
		const state = usersRead([u1]);
		const stored = state.records.get('u1');
		expect(stored).toEqual({ createdAt: u1.created_at, attributes: u1.attributes, memberships: new Map([['acme', { role: 'admin' }]]) });
		expect(state.groupAttributes('acme')).toEqual(acme.attributes);
	});

	it('forgets a record whose two copies differ (it changed while being read)', () => {
		const state = usersRead([u1, { ...u1, attributes: { plan: 'free', seats: 5 } }, u1]);
		expect(state.records.has('u1')).toBe(false);
		const same = usersRead([u1, u1]);
		expect(same.records.has('u1')).toBe(true);
	});

	it('forgets a group whose copies differ between users', () => {
		const u2 = { ...u1, id: 'u2', memberships: [{ ...u1.memberships[0], user_id: 'u2', group: { ...acme, attributes: { name: 'Acme 2' } } }] };
		const state = usersRead([u1, u2]);
		expect(state.groupAttributes('acme')).toBeUndefined();
	});

	it('ignores entries without an id', () => {
		const state = usersRead([null, 'x', { attributes: {} }]);
		expect(state.records.size).toBe(0);
	});
});
