import { resendDecision } from '../../../../../nodes/Userflow/shared/transport/resendRule';

const upsert = (url: string, body: unknown) => resendDecision({ method: 'POST', url, body });

describe('resendDecision: the one rule for what may be resent', () => {
	it('reads, deletes and PATCHes are resendable; a DELETE that finds nothing on a resend is done', () => {
		expect(resendDecision({ method: 'GET', url: '/users' })).toEqual({ mode: 'idempotent', notFoundMeansDone: false });
		expect(resendDecision({ method: 'DELETE', url: '/users/u1' })).toEqual({ mode: 'idempotent', notFoundMeansDone: true });
		expect(resendDecision({ method: 'PATCH', url: '/webhook_subscriptions/w1', body: { disabled: true } }).mode).toBe('idempotent');
	});

	it('events are never resent after an ambiguous failure', () => {
		expect(upsert('/events', { name: 'x', user_id: 'u1' })).toMatchObject({ mode: 'onlyIfNotApplied', because: 'event' });
		expect(upsert('https://api.userflow.com/events?x=1', {})).toMatchObject({ because: 'event' });
	});

	it.each([
		['plain values and null', { id: 'u1', attributes: { plan: 'pro', n: 1, gone: null, tags: ['a'] } }],
		['set, set_once and remove', { id: 'u1', attributes: { a: { set: 1 }, b: { set_once: 'x', data_type: 'string' }, c: { remove: ['x'] } } }],
		['an attribute named like an operation', { id: 'u1', attributes: { add: 1, append: 'x' } }],
		['the prune write of membership Remove', { id: 'u1', groups: [{ id: 'g1' }], prune_memberships: true }],
		['no attributes', { id: 'u1' }],
	])('an upsert with %s is resendable', (_case, body) => {
		expect(upsert('/users', body)).toEqual({ mode: 'idempotent', notFoundMeansDone: false });
		expect(upsert('/groups', body).mode).toBe('idempotent');
	});

	it.each([
		['user attributes', { id: 'u1', attributes: { logins: { add: 1 } } }],
		['subtract', { id: 'g1', attributes: { credits: { subtract: 2 } } }],
		['a group written with the user', { id: 'u1', groups: [{ id: 'g1', attributes: { seats: { add: 1 } } }] }],
		['membership attributes', { id: 'u1', memberships: [{ attributes: { badges: { append: 'x' } }, group: { id: 'g1' } }] }],
		['the membership form\'s group', { id: 'u1', memberships: [{ attributes: {}, group: { id: 'g1', attributes: { tags: { prepend: ['a'] } } } }] }],
	])('an upsert with a cumulative change in %s is resent only where nothing was applied', (_case, body) => {
		expect(upsert('/users', body)).toEqual({ mode: 'onlyIfNotApplied', because: 'cumulativeChange', notFoundMeansDone: false });
	});

	it('reads a body that travels as JSON text the same way', () => {
		expect(upsert('/users', JSON.stringify({ id: 'u1', attributes: { constructor: { add: 1 } } })).because).toBe('cumulativeChange');
	});

	it('any other write creates something and is not resent after an ambiguous failure', () => {
		expect(upsert('/webhook_subscriptions', { url: 'https://x', topics: ['*'] })).toMatchObject({ mode: 'onlyIfNotApplied', because: 'creation' });
	});
});
