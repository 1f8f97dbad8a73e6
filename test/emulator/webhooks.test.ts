import { createHmac } from 'node:crypto';

import type { UserflowEmulator } from '../../emulator';
import { call, post, useEmulator } from './helpers';
import { startReceiver, type WebhookReceiver } from './webhookReceiver';

/** Subscribes the receiver through the API, as a client would; returns id and secret. */
async function subscribe(emulator: UserflowEmulator, url: string, topics: string[]): Promise<{ id: string; secret: string }> {
	const reply = await post(emulator, '/webhook_subscriptions', { url, topics, api_version: '2020-01-03' });
	expect(reply.status).toBe(200);
	return { id: reply.body.id, secret: reply.body.secret };
}

function expectSignedBy(secret: string, header: string | string[] | undefined, body: string) {
	const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header));
	expect(match).not.toBeNull();
	const [, t, v1] = match!;
	expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
	expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);
}

describe('emulator webhook delivery', () => {
	const emulator = useEmulator({ webhooks: { retryBaseMs: 20 } });
	let receiver: WebhookReceiver;
	beforeEach(async () => (receiver = await startReceiver()));
	afterEach(async () => await receiver.close());

	it('delivers a signed user.created notification after the API write, not inside it', async () => {
		const { id, secret } = await subscribe(emulator(), receiver.url, ['user.created']);
		const write = await post(emulator(), '/users', { id: 'u1', attributes: { name: 'Ava' } });
		expect(write.status).toBe(200);
		await emulator().webhooks.settled();

		expect(receiver.received).toHaveLength(1);
		const [delivery] = receiver.received;
		expect(delivery.headers['content-type']).toBe('application/json');
		expectSignedBy(secret, delivery.headers['userflow-signature'], delivery.body);
		expect(delivery.json).toMatchObject({
			object: 'webhook_notification',
			api_version: '2020-01-03',
			topic: 'user.created',
			data: { object: { object: 'user', id: 'u1', attributes: { name: 'Ava' } } },
		});
		expect(typeof delivery.json.id).toBe('string');
		expect(emulator().deliveries).toMatchObject([{ subscriptionId: id, state: 'delivered', redelivery: 0, attempts: [{ status: 200 }] }]);
		// The write's answer was sent before the delivery went out.
		const answeredAt = emulator().requests.find((r) => r.path === '/users')!.at;
		expect(emulator().deliveries[0].attempts[0].at).toBeGreaterThanOrEqual(answeredAt);
	});

	it('sends user.updated with only the changed attributes, old and new, and nothing for an upsert that changes nothing', async () => {
		await subscribe(emulator(), receiver.url, ['user.updated']);
		await post(emulator(), '/users', { id: 'u1', attributes: { name: 'Ava', plan: 'free', seats: 1 } });
		await post(emulator(), '/users', { id: 'u1', attributes: { plan: 'pro', seats: 1, beta: true } });
		await post(emulator(), '/users', { id: 'u1', attributes: { plan: 'pro' } });
		await post(emulator(), '/users', { id: 'u1', attributes: { beta: null } });
		await emulator().webhooks.settled();

		expect(receiver.received.map((d) => d.json.topic)).toEqual(['user.updated', 'user.updated']);
		expect(receiver.received[0].json.data).toMatchObject({
			object: { id: 'u1', attributes: { name: 'Ava', plan: 'pro', seats: 1, beta: true } },
			previous_attributes: { plan: 'free', beta: null },
			updated_attributes: { plan: 'pro', beta: true },
		});
		expect(Object.keys(receiver.received[0].json.data.updated_attributes).sort()).toEqual(['beta', 'plan']);
		expect(receiver.received[1].json.data).toMatchObject({ previous_attributes: { beta: true }, updated_attributes: { beta: null } });
	});

	it('notifies groups created through a user\'s memberships, and group updates', async () => {
		await subscribe(emulator(), receiver.url, ['group']);
		await post(emulator(), '/users', { id: 'u1', groups: [{ id: 'g1', attributes: { name: 'Acme' } }] });
		await post(emulator(), '/groups', { id: 'g1', attributes: { name: 'Acme Inc' } });
		await emulator().webhooks.settled();
		expect(receiver.received.map((d) => [d.json.topic, d.json.data.object.id])).toEqual([
			['group.created', 'g1'],
			['group.updated', 'g1'],
		]);
		expect(receiver.received[1].json.data.previous_attributes).toEqual({ name: 'Acme' });
	});

	it('matches topics: *, user, event, event.tracked and event.tracked.<name>; disabled subscriptions get nothing', async () => {
		const others = await Promise.all(['/all', '/users', '/events', '/tracked', '/flows', '/off'].map((path) => startReceiver(path)));
		try {
			const [all, users, events, tracked, flows, off] = others;
			await subscribe(emulator(), all.url, ['*']);
			await subscribe(emulator(), users.url, ['user']);
			await subscribe(emulator(), events.url, ['event']);
			await subscribe(emulator(), tracked.url, ['event.tracked']);
			await subscribe(emulator(), flows.url, ['event.tracked.flow_completed']);
			const disabled = await subscribe(emulator(), off.url, ['*']);
			expect((await call(emulator(), `/webhook_subscriptions/${disabled.id}`, { method: 'PATCH', body: { disabled: true } })).status).toBe(200);

			await post(emulator(), '/users', { id: 'u1' });
			await post(emulator(), '/events', { name: 'flow_completed', user_id: 'u1' });
			await post(emulator(), '/events', { name: 'flow_started', user_id: 'u1' });
			await emulator().webhooks.settled();

			const topics = (r: WebhookReceiver) => r.received.map((d) => d.json.topic);
			expect(topics(all)).toEqual(['user.created', 'event.tracked.flow_completed', 'event.tracked.flow_started']);
			expect(topics(users)).toEqual(['user.created']);
			expect(topics(events)).toEqual(['event.tracked.flow_completed', 'event.tracked.flow_started']);
			expect(topics(tracked)).toEqual(['event.tracked.flow_completed', 'event.tracked.flow_started']);
			expect(topics(flows)).toEqual(['event.tracked.flow_completed']);
			expect(flows.received[0].json.data.object).toMatchObject({ object: 'event', name: 'flow_completed', user_id: 'u1' });
			expect(topics(off)).toEqual([]);
			// Everything was recorded as a notification, delivered or not.
			expect(emulator().webhooks.notifications).toHaveLength(3);
		} finally {
			await Promise.all(others.map((r) => r.close()));
		}
	});

	it('sends nothing for a refused write (400) and nothing for store helpers (seeding)', async () => {
		await subscribe(emulator(), receiver.url, ['*']);
		expect((await post(emulator(), '/users', { id: 'u1', attributes: { n: { add: 'x' } } })).status).toBe(400);
		emulator().store.addUser('seeded');
		await emulator().webhooks.settled();
		expect(receiver.received).toHaveLength(0);
		expect(emulator().webhooks.notifications).toHaveLength(0);
	});

	it('retries a non-2xx answer with backoff, a bounded number of times', async () => {
		emulator().configure({ webhooks: { maxAttempts: 3, retryBaseMs: 30 } });
		await subscribe(emulator(), receiver.url, ['user.created']);
		receiver.answerWith(500, 503, 200);
		await post(emulator(), '/users', { id: 'u1' });
		await emulator().webhooks.settled();
		const [record] = emulator().deliveries;
		expect(record.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
		expect(record.state).toBe('delivered');
		expect(record.attempts[1].at - record.attempts[0].at).toBeGreaterThanOrEqual(25);
		expect(record.attempts[2].at - record.attempts[1].at).toBeGreaterThanOrEqual(55);
		// Every attempt carries the same notification.
		expect(new Set(receiver.received.map((d) => d.json.id)).size).toBe(1);

		receiver.answerWith(500);
		await post(emulator(), '/users', { id: 'u2' });
		await emulator().webhooks.settled();
		expect(emulator().deliveries[1].attempts.map((a) => a.status)).toEqual([500, 500, 500]);
		expect(emulator().deliveries[1].state).toBe('failed');
	});

	it('records a receiver that does not answer as status 0 with the reason', async () => {
		emulator().configure({ webhooks: { maxAttempts: 2, retryBaseMs: 5 } });
		const url = receiver.url;
		await receiver.close();
		await subscribe(emulator(), url, ['user.created']);
		await post(emulator(), '/users', { id: 'u1' });
		await emulator().webhooks.settled();
		expect(emulator().deliveries[0]).toMatchObject({ state: 'failed', attempts: [{ status: 0, error: 'ECONNREFUSED' }, { status: 0 }] });
		receiver = await startReceiver(); // for afterEach
	});

	it('knobs: delay, wrong signature, no signature, stale timestamps', async () => {
		const { secret } = await subscribe(emulator(), receiver.url, ['user.created']);
		emulator().configure({ webhooks: { delayMs: 150 } });
		await post(emulator(), '/users', { id: 'u1' });
		const writtenAt = Date.now();
		await emulator().webhooks.settled();
		expect(receiver.received[0].at - writtenAt).toBeGreaterThanOrEqual(100);
		expectSignedBy(secret, receiver.received[0].headers['userflow-signature'], receiver.received[0].body);

		emulator().configure({ webhooks: { delayMs: 0, signature: 'wrong' } });
		await post(emulator(), '/users', { id: 'u2' });
		await emulator().webhooks.settled();
		expect(() => expectSignedBy(secret, receiver.received[1].headers['userflow-signature'], receiver.received[1].body)).toThrow();

		emulator().configure({ webhooks: { signature: 'none' } });
		await post(emulator(), '/users', { id: 'u3' });
		await emulator().webhooks.settled();
		expect(receiver.received[2].headers['userflow-signature']).toBeUndefined();

		emulator().configure({ webhooks: { signature: 'valid', timestampOffsetSeconds: -600 } });
		await post(emulator(), '/users', { id: 'u4' });
		await emulator().webhooks.settled();
		const [, t] = /^t=(\d+),/.exec(String(receiver.received[3].headers['userflow-signature']))!;
		expect(Date.now() / 1000 - Number(t)).toBeGreaterThan(590);
	});

	it('redelivers a notification with the same id, on demand and by the redeliveries knob', async () => {
		await subscribe(emulator(), receiver.url, ['event.tracked']);
		emulator().store.addUser('u1');
		await post(emulator(), '/events', { name: 'question_answered', user_id: 'u1' });
		await emulator().webhooks.settled();
		const id = receiver.received[0].json.id;
		emulator().webhooks.redeliver(id);
		await emulator().webhooks.settled();
		expect(receiver.received.map((d) => d.json.id)).toEqual([id, id]);
		expect(emulator().deliveries.map((d) => d.redelivery)).toEqual([0, 1]);

		emulator().configure({ webhooks: { redeliveries: 2 } });
		await post(emulator(), '/events', { name: 'question_answered', user_id: 'u1' });
		await emulator().webhooks.settled();
		const second = receiver.received[2].json.id;
		expect(second).not.toBe(id);
		expect(receiver.received.slice(2).map((d) => d.json.id)).toEqual([second, second, second]);
	});

	it('delivers to a subscription whose topics were changed with PATCH, and stops after DELETE', async () => {
		const { id } = await subscribe(emulator(), receiver.url, ['group.created']);
		await post(emulator(), '/users', { id: 'u1' });
		await call(emulator(), `/webhook_subscriptions/${id}`, { method: 'PATCH', body: { topics: ['user.created'] } });
		await post(emulator(), '/users', { id: 'u2' });
		await call(emulator(), `/webhook_subscriptions/${id}`, { method: 'DELETE' });
		await post(emulator(), '/users', { id: 'u3' });
		await emulator().webhooks.settled();
		expect(receiver.received.map((d) => d.json.data.object.id)).toEqual(['u2']);
	});
});
