/**
 * Every delivery through n8n-core's WebhookContext, over HTTP to the node's production URL:
 * signatures, bodies, topics, redeliveries. Notifications are built here, signed here, so
 * each case changes exactly one thing.
 */
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import {
	deliver,
	eventNotification,
	executionsOf,
	nowSeconds,
	signature,
	signedHeaders,
	storedSecret,
	userNotification,
	useTrigger,
} from './kit';

const PARAMETERS = {
	events: ['user.created', 'user.updated', 'specificEvents'],
	specificEvents: { event: [{ eventName: { __rl: true, mode: 'name', value: 'question_answered' } }] },
};

describe('Userflow Webhook Trigger: every delivery', () => {
	const kit = useTrigger(PARAMETERS);

	async function published() {
		const { trigger } = kit();
		await trigger.publish();
		return { trigger, secret: storedSecret(trigger) };
	}

	describe('signature', () => {
		it('a correctly signed notification starts one execution', async () => {
			const { trigger, secret } = await published();
			const reply = await deliver(trigger, secret, userNotification('user.created', { id: 'u1', attributes: { name: 'Ava' } }));
			expect(reply.status).toBe(200);
			expect(executionsOf(trigger)).toHaveLength(1);
			expect(trigger.calls.at(-1)?.started).toBe(true);
		});

		it.each([
			['signed with another secret', (body: string) => signedHeaders('whsec_someone_else', body), 'Signature does not match'],
			['without the header', () => ({}), 'Missing Userflow-Signature header'],
			['with a header that is not t=...,v1=...', () => ({ 'Userflow-Signature': 'sha256=abc' }), 'Malformed Userflow-Signature header'],
			['with v1 that is not hex', (body: string, secret: string) => ({ 'Userflow-Signature': signature(secret, body).replace(/v1=[0-9a-f]{4}/, 'v1=zzzz') }), 'Malformed Userflow-Signature header'],
			['signed 301 s ago (stale)', (body: string, secret: string) => signedHeaders(secret, body, nowSeconds() - 301), 'Signature timestamp is too old or in the future'],
			['signed 301 s in the future', (body: string, secret: string) => signedHeaders(secret, body, nowSeconds() + 301), 'Signature timestamp is too old or in the future'],
			['whose timestamp was changed after signing', (body: string, secret: string) => ({ 'Userflow-Signature': signature(secret, body).replace(/^t=(\d+)/, (_m, t) => `t=${Number(t) - 1}`) }), 'Signature does not match'],
		])('a notification %s answers 401 and starts nothing', async (_label, headersFor, error) => {
			const { trigger, secret } = await published();
			const body = JSON.stringify(userNotification('user.created', { id: 'u1' }));
			const reply = await trigger.post(body, headersFor(body, secret));
			expect(reply).toEqual({ status: 401, body: { error } });
			expect(trigger.executions).toEqual([]);
			expect(JSON.stringify(trigger.calls)).not.toContain(secret);
		});

		it('a tampered body (one byte) answers 401', async () => {
			const { trigger, secret } = await published();
			const body = JSON.stringify(userNotification('user.created', { id: 'u1', attributes: { plan: 'free' } }));
			const reply = await trigger.post(body.replace('free', 'paid'), signedHeaders(secret, body));
			expect(reply.status).toBe(401);
			expect(trigger.executions).toEqual([]);
		});

		it('accepts 299 s of clock difference either way, and any of several v1 values', async () => {
			const { trigger, secret } = await published();
			// (The exact 300 s limit is checked with a fixed clock in parts.test.ts.)
			for (const offset of [-290, 290]) {
				const body = JSON.stringify(userNotification('user.created', { id: `u${offset}` }));
				expect((await trigger.post(body, signedHeaders(secret, body, nowSeconds() + offset))).status).toBe(200);
			}
			const body = JSON.stringify(userNotification('user.created', { id: 'u_rotating' }));
			const t = nowSeconds();
			const good = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
			const other = createHmac('sha256', 'whsec_old').update(`${t}.${body}`).digest('hex');
			for (const header of [`t=${t},v1=${other},v1=${good}`, `t=${t},v1=${good},v1=${other}`, `t=${t}, v0=abc, v1=${good}`]) {
				expect((await trigger.post(body, { 'Userflow-Signature': header })).status).toBe(200);
			}
			// The last two were the same notification: one execution each for u-290, u290, u_rotating.
			expect(executionsOf(trigger).map((e) => e.items[0].id)).toEqual(['u-290', 'u290', 'u_rotating']);
		});

		it('checks the raw bytes: formatting and escapes a proxy passes through unchanged still verify', async () => {
			const { trigger, secret } = await published();
			// Not what JSON.stringify would write back: spaces, newlines, \u escapes, key order.
			const body = `{\n  "topic": "user.created", "id": "n-raw",\n  "data": {"object": {"object": "user", "id": "u_\\u00e9", "attributes": {"name": "Zo\\u00eb"}}}\n}`;
			const reply = await trigger.post(body, { ...signedHeaders(secret, body), 'X-Forwarded-For': '203.0.113.9', Via: '1.1 proxy' });
			expect(reply.status).toBe(200);
			expect(executionsOf(trigger)[0].items[0]).toMatchObject({ id: 'u_é', name: 'Zoë' });
		});

		it('a replay signed with the secret of the node\'s deleted subscription answers 401', async () => {
			const { trigger } = kit();
			await trigger.publish();
			const secret = storedSecret(trigger);
			await trigger.unpublish();
			await trigger.publish();
			// The old secret belongs to a deleted subscription: a replay signed with it fails.
			const reply = await deliver(trigger, secret, userNotification('user.created', { id: 'u1' }));
			expect(reply.status).toBe(401);
		});
	});

	describe('bodies', () => {
		it.each([
			['not JSON', 'text/plain', 'hello', 'The body is not JSON'],
			['a JSON list', 'application/json', '[1,2]', 'The body is not a JSON object'],
			['without data.object', 'application/json', JSON.stringify({ id: 'n1', topic: 'user.created', data: {} }), 'The notification has no data.object'],
			['without an id', 'application/json', JSON.stringify({ topic: 'user.created', data: { object: {} } }), 'The notification has no id'],
			['without a topic', 'application/json', JSON.stringify({ id: 'n1', data: { object: {} } }), 'The notification has no topic'],
		])('a signed body that is %s answers 400 and starts nothing', async (_label, contentType, body, error) => {
			const { trigger, secret } = await published();
			const reply = await trigger.post(body, { ...signedHeaders(secret, body), 'Content-Type': contentType });
			expect(reply).toEqual({ status: 400, body: { error } });
			expect(trigger.executions).toEqual([]);
		});

		it('an unsigned malformed body is refused for its signature first (401), revealing nothing about parsing', async () => {
			const { trigger } = await published();
			const reply = await trigger.post('{}', {});
			expect(reply.status).toBe(401);
		});
	});

	describe('topics', () => {
		it.each([
			['group.created', { id: 'g1', object: 'group', attributes: {} }],
			['group.updated', { id: 'g1', object: 'group', attributes: {} }],
			['event.tracked.flow_completed', { object: 'event', name: 'flow_completed' }],
			['event.tracked', { object: 'event', name: 'flow_completed' }],
			['user.deleted', { id: 'u1', object: 'user' }],
		])('a notification for %s, which the node did not ask for, answers 200 and starts nothing', async (topic, object) => {
			const { trigger, secret } = await published();
			const reply = await deliver(trigger, secret, { id: `n-${topic}`, object: 'webhook_notification', topic, data: { object } });
			expect(reply.status).toBe(200);
			expect(reply.body).toMatchObject({ received: true, started: false });
			expect(trigger.executions).toEqual([]);
		});

		it('a Specific Event arrives whether Userflow names the topic event.tracked.<name> or event.tracked', async () => {
			const { trigger, secret } = await published();
			await deliver(trigger, secret, eventNotification('question_answered'));
			await deliver(trigger, secret, eventNotification('question_answered', 'event.tracked'));
			expect(executionsOf(trigger).map((e) => e.items[0].name)).toEqual(['question_answered', 'question_answered']);
		});

		it('event names are case-sensitive: Question_Answered is another event', async () => {
			const { trigger, secret } = await published();
			await deliver(trigger, secret, eventNotification('Question_Answered'));
			expect(trigger.executions).toEqual([]);
		});
	});

	describe('redelivery', () => {
		it('the same notification id starts no second execution', async () => {
			const { trigger, secret } = await published();
			const notification = userNotification('user.created', { id: 'u1' });
			expect((await deliver(trigger, secret, notification)).status).toBe(200);
			const again = await deliver(trigger, secret, notification);
			expect(again).toMatchObject({ status: 200, body: { received: true, started: false, reason: 'Notification already received' } });
			expect(executionsOf(trigger)).toHaveLength(1);
		});

		it('deliveries of one notification arriving together (before n8n saved the first) start one execution', async () => {
			await kit().trigger.publish();
			// n8n reads static data when a call arrives and saves it after: these calls overlap.
			const trigger = await kit().restart(undefined, { lookupDelayMs: 200 });
			await trigger.publish('init');
			const secret = storedSecret(trigger);
			const notification = userNotification('user.created', { id: 'u1' });
			const replies = await Promise.all([1, 2, 3].map(() => deliver(trigger, secret, notification)));
			expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
			expect(executionsOf(trigger)).toHaveLength(1);
		});

		it('remembers across a restart of n8n what n8n saved (static data), not only in memory', async () => {
			const { trigger, secret } = await published();
			const notification = userNotification('user.created', { id: 'u1' });
			await deliver(trigger, secret, notification);
			// n8n does not save static data after a call that started an execution; the next call
			// that starts none (here the redelivery) saves what this process remembers.
			expect(trigger.savedStaticData[`node:${trigger.node.name}`]).not.toHaveProperty('recentNotificationIds');
			await deliver(trigger, secret, notification);
			expect(trigger.savedStaticData[`node:${trigger.node.name}`]).toMatchObject({ recentNotificationIds: [notification.id] });
			const restarted = await kit().restart();
			await restarted.publish('init');
			await deliver(restarted, secret, notification);
			expect(executionsOf(restarted)).toEqual([]);
			await deliver(restarted, secret, userNotification('user.created', { id: 'u2' }));
			expect(executionsOf(restarted)).toHaveLength(1);
		});
	});

	describe('Only When These Attributes Changed', () => {
		const changed = (previous: IDataObject, updated: IDataObject, id?: string) =>
			userNotification('user.updated', { id: 'u1', attributes: { plan: 'pro', nps: 9 } }, { previous, updated }, id);

		it('starts the workflow only for updates naming a watched attribute', async () => {
			const { trigger } = kit();
			trigger.setParameters({ ...PARAMETERS, changedAttributes: ['plan', 'seats'] });
			await trigger.publish();
			const secret = storedSecret(trigger);
			const skipped = await deliver(trigger, secret, changed({ nps: 7 }, { nps: 9 }));
			expect(skipped.body).toMatchObject({ started: false, reason: 'None of the watched attributes changed' });
			await deliver(trigger, secret, changed({ plan: 'free' }, { plan: 'pro' }));
			await deliver(trigger, secret, changed({ plan: 'free', nps: null }, { plan: 'pro', nps: 9 }));
			// Created users and tracked events are not updates: the filter does not apply.
			await deliver(trigger, secret, userNotification('user.created', { id: 'u9' }));
			expect(executionsOf(trigger).map((e) => e.items[0].topic)).toEqual(['user.updated', 'user.updated', 'user.created']);
		});

		it('an update that names no changed attributes at all does not pass a filter', async () => {
			const { trigger } = kit();
			trigger.setParameters({ ...PARAMETERS, changedAttributes: ['plan'] });
			await trigger.publish();
			await deliver(trigger, storedSecret(trigger), userNotification('user.updated', { id: 'u1', attributes: { plan: 'pro' } }));
			expect(trigger.executions).toEqual([]);
		});

		it('reads the changes beside data as well (the contract does not say where they sit), data first', async () => {
			const { trigger } = kit();
			trigger.setParameters({ ...PARAMETERS, changedAttributes: ['plan'] });
			await trigger.publish();
			const secret = storedSecret(trigger);
			const atTop = (previous: IDataObject, updated: IDataObject) => {
				const notification = userNotification('user.updated', { id: 'u1', attributes: { plan: 'pro', nps: 9 } });
				return { ...notification, previous_attributes: previous, updated_attributes: updated };
			};
			const skipped = await deliver(trigger, secret, atTop({ nps: 7 }, { nps: 9 }));
			expect(skipped.body).toMatchObject({ started: false, reason: 'None of the watched attributes changed' });
			await deliver(trigger, secret, atTop({ plan: 'free' }, { plan: 'pro' }));
			const both = { ...changed({ plan: 'trial' }, { plan: 'pro' }), previous_attributes: { nps: 1 }, updated_attributes: { nps: 2 } };
			await deliver(trigger, secret, both);
			expect(executionsOf(trigger).map((e) => [e.items[0].previous_attributes, e.items[0].updated_attributes])).toEqual([
				[{ plan: 'free' }, { plan: 'pro' }],
				[{ plan: 'trial' }, { plan: 'pro' }],
			]);
		});

		it('without a filter every update starts the workflow', async () => {
			const { trigger, secret } = await published();
			await deliver(trigger, secret, changed({ nps: 7 }, { nps: 9 }));
			expect(executionsOf(trigger)).toHaveLength(1);
		});
	});

	describe('Simplify', () => {
		it('on (default): the record flattened, with topic, notification id and the changes', async () => {
			const { trigger, secret } = await published();
			const notification = userNotification(
				'user.updated',
				{ id: 'u1', attributes: { name: 'Ava', plan: 'pro' } },
				{ previous: { plan: 'free' }, updated: { plan: 'pro' } },
				'n-1',
			);
			await deliver(trigger, secret, notification);
			await deliver(trigger, secret, eventNotification('question_answered', undefined, { score: 9, comment: 'great' }, 'n-2'));
			expect(executionsOf(trigger).map((e) => e.items[0])).toEqual([
				{
					name: 'Ava',
					plan: 'pro',
					id: 'u1',
					created_at: '2026-11-20T09:30:00.000+00:00',
					topic: 'user.updated',
					notification_id: 'n-1',
					notification_created_at: '2026-11-21T10:00:00.000+00:00',
					previous_attributes: { plan: 'free' },
					updated_attributes: { plan: 'pro' },
				},
				{
					score: 9,
					comment: 'great',
					id: 'evt_n-2',
					name: 'question_answered',
					user_id: 'u1',
					group_id: null,
					time: '2026-11-21T09:59:59.000+00:00',
					created_at: '2026-11-21T10:00:00.000+00:00',
					topic: 'event.tracked.question_answered',
					notification_id: 'n-2',
					notification_created_at: '2026-11-21T10:00:00.000+00:00',
				},
			]);
		});

		it('off: the notification exactly as Userflow sent it', async () => {
			const { trigger } = kit();
			trigger.setParameters({ ...PARAMETERS, simplify: false });
			await trigger.publish();
			const notification = userNotification('user.created', { id: 'u1', attributes: { name: 'Ava' } });
			await deliver(trigger, storedSecret(trigger), notification);
			expect(executionsOf(trigger)[0].items).toEqual([notification]);
		});
	});
});
