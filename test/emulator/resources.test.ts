import { call, collectIds, post, useEmulator } from './helpers';

describe('emulator events, content, sessions, definitions, webhooks', () => {
	const emulator = useEmulator();

	it('tracks events with plain and {set, data_type} attributes and a backdated time', async () => {
		emulator().store.addUser('u1');
		emulator().store.addGroup('g1');
		const reply = await post(emulator(), '/events', {
			name: 'Feature_Activated',
			user_id: 'u1',
			group_id: 'g1',
			attributes: { count: 2, plan: { set: 'pro', data_type: 'string' } },
			time: '2022-01-01T10:00:00Z',
		});
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({
			object: 'event',
			name: 'Feature_Activated',
			user_id: 'u1',
			group_id: 'g1',
			attributes: { count: 2, plan: 'pro' },
			time: '2022-01-01T10:00:00.000+00:00',
		});
		expect(emulator().store.events).toHaveLength(1);
		const definitions = await call(emulator(), '/event_definitions');
		expect(definitions.body.data.map((d: { name: string }) => d.name)).toEqual(['Feature_Activated']);
	});

	it.each([
		['no name', { user_id: 'u1' }],
		['no subject', { name: 'x' }],
		['bad time', { name: 'x', user_id: 'u1', time: 'yesterday' }],
		['change operation', { name: 'x', user_id: 'u1', attributes: { n: { add: 1 } } }],
		['null attribute', { name: 'x', user_id: 'u1', attributes: { n: null } }],
		['unknown field', { name: 'x', user_id: 'u1', userId: 'u1' }],
	])('rejects an event with %s (400)', async (_label, body) => {
		emulator().store.addUser('u1');
		expect((await post(emulator(), '/events', body)).status).toBe(400);
		expect(emulator().store.events).toHaveLength(0);
	});

	it('answers 404 for an event of an unknown user', async () => {
		const reply = await post(emulator(), '/events', { name: 'x', user_id: 'ghost' });
		expect(reply.status).toBe(404);
		expect(emulator().store.users.size).toBe(0);
	});

	it('lists content by type and name, and gets one with expansions', async () => {
		emulator().seedContent(2, { type: 'flow', name: (i) => ['Zeta', 'Alpha'][i] });
		emulator().seedContent(1, { type: 'checklist', idPrefix: 'cl_' });
		expect((await collectIds(emulator(), '/content?type=flow&order_by=name')).ids).toEqual(['content_2', 'content_1']);
		expect((await collectIds(emulator(), '/content?limit=1')).ids).toHaveLength(3);
		expect((await call(emulator(), '/content?type=survey')).status).toBe(400);
		const one = await call(emulator(), '/content/cl_1?expand[]=published_version');
		expect(one.body).toMatchObject({ object: 'content', id: 'cl_1', type: 'checklist', published_version: { object: 'content_version' } });
	});

	it('lists content sessions by content and user, with created_at ties and completions', async () => {
		const [flow] = emulator().seedContent(1);
		const users = emulator().seedUsers(3);
		const ids = emulator().seedContentSessions(6, { contentId: flow, userIds: users, sameCreatedAt: 3, completed: (i) => i % 2 === 0 });
		expect((await collectIds(emulator(), `/content_sessions?content_id=${flow}&limit=4`)).ids).toEqual(ids);
		expect((await collectIds(emulator(), `/content_sessions?content_id=${flow}&order_by=-created_at&limit=4`)).ids).toEqual([...ids].reverse());
		expect((await collectIds(emulator(), `/content_sessions?user_id=${users[1]}`)).ids).toEqual([ids[1], ids[4]]);

		emulator().store.completeContentSession(ids[1], '2030-01-01T00:00:00Z');
		const byActivity = await collectIds(emulator(), `/content_sessions?order_by=last_activity_at`);
		expect(byActivity.ids[byActivity.ids.length - 1]).toBe(ids[1]);
		const session = await call(emulator(), `/content_sessions?user_id=${users[1]}&limit=1&expand[]=content`);
		expect(session.body.data[0]).toMatchObject({
			object: 'content_session',
			id: ids[1],
			content_id: flow,
			completed: true,
			completed_at: '2030-01-01T00:00:00.000+00:00',
			content: { id: flow },
		});
		expect((await call(emulator(), '/content_sessions?content_id=nope')).status).toBe(400);
		expect((await call(emulator(), '/content_sessions?order_by=completed_at')).status).toBe(400);
	});

	it('lists attribute definitions by scope, including those created by upserts', async () => {
		emulator().seedAttributeDefinitions([{ name: 'plan', scope: 'user', data_type: 'string' }]);
		await post(emulator(), '/users', { id: 'u1', attributes: { plan: 'pro', seats: 3 }, memberships: [{ attributes: { role: 'x' }, group: { id: 'g1' } }] });
		const user = await call(emulator(), '/attribute_definitions?scope=user');
		expect(user.body.data.map((d: { name: string; data_type: string }) => [d.name, d.data_type])).toEqual([
			['plan', 'string'],
			['seats', 'number'],
		]);
		const membership = await call(emulator(), '/attribute_definitions?scope=group_membership');
		expect(membership.body.data.map((d: { name: string }) => d.name)).toEqual(['role']);
		expect((await call(emulator(), '/attribute_definitions?scope=company')).status).toBe(400);
	});

	it('creates, updates, lists and deletes webhook subscriptions', async () => {
		const created = await post(emulator(), '/webhook_subscriptions', {
			url: 'https://example.com/hook',
			topics: ['user.created', 'event.tracked.flow_completed'],
			api_version: '2020-01-03',
		});
		expect(created.body).toMatchObject({ object: 'webhook_subscription', disabled: false, secret: expect.stringMatching(/^whsec_/) });
		const id = created.body.id as string;
		const patched = await call(emulator(), `/webhook_subscriptions/${id}`, { method: 'PATCH', body: { disabled: true, topics: ['*'] } });
		expect(patched.body).toMatchObject({ id, disabled: true, topics: ['*'], url: 'https://example.com/hook' });
		expect(patched.body.secret).toBeUndefined();
		expect((await collectIds(emulator(), '/webhook_subscriptions')).ids).toEqual([id]);
		for (const body of [
			{ url: 'https://example.com', topics: ['user.deleted'], api_version: '2020-01-03' },
			{ url: 'ftp://example.com', topics: ['*'], api_version: '2020-01-03' },
			{ url: 'https://example.com', topics: [], api_version: '2020-01-03' },
			{ url: 'https://example.com', topics: ['*'] },
		]) {
			expect((await post(emulator(), '/webhook_subscriptions', body)).status).toBe(400);
		}
		expect((await call(emulator(), `/webhook_subscriptions/${id}`, { method: 'DELETE' })).status).toBe(200);
		expect(emulator().store.webhookSubscriptions.size).toBe(0);
	});
});
