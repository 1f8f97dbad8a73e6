import { simplifyMembership, simplifyRecord } from '../../../../nodes/Userflow/shared/simplify';

const group = { object: 'group', id: 'acme', created_at: '2024-01-01T00:00:00.000+00:00', attributes: { name: 'Acme' }, memberships: null };

describe('Simplify', () => {
	it('puts the ID first, then the attributes, then created_at; the record\'s own id and created_at win', () => {
		const simplified = simplifyRecord({
			object: 'user',
			id: 'u1',
			created_at: '2024-01-02T00:00:00.000+00:00',
			attributes: { name: 'Ava', id: 'not-the-id', created_at: 'not-the-time', plan: 'pro' },
			memberships: null,
		});
		expect(Object.keys(simplified)).toEqual(['id', 'name', 'created_at', 'plan']);
		expect(simplified).toEqual({ id: 'u1', name: 'Ava', plan: 'pro', created_at: '2024-01-02T00:00:00.000+00:00' });
	});

	it('keeps memberships that were asked for (Include Memberships), simplified', () => {
		const simplified = simplifyRecord({
			object: 'user',
			id: 'u1',
			created_at: '2024-01-02T00:00:00.000+00:00',
			attributes: { name: 'Ava' },
			memberships: [
				{ object: 'group_membership', user_id: 'u1', group_id: 'acme', created_at: 't', attributes: { role: 'admin' }, group },
			],
		});
		expect(simplified.memberships).toEqual([
			{ role: 'admin', user_id: 'u1', group_id: 'acme', created_at: 't', group: { id: 'acme', name: 'Acme', created_at: group.created_at } },
		]);
	});

	it("simplifies a group's memberships with their users", () => {
		const membership = {
			object: 'group_membership',
			user_id: 'u1',
			group_id: 'acme',
			created_at: 't',
			attributes: {},
			user: { object: 'user', id: 'u1', created_at: 't0', attributes: { name: 'Ava' } },
		};
		expect(simplifyMembership(membership)).toEqual({
			user_id: 'u1',
			group_id: 'acme',
			created_at: 't',
			user: { id: 'u1', name: 'Ava', created_at: 't0' },
		});
	});
});
