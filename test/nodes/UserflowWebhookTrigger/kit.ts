/**
 * Shared pieces of the Webhook Trigger tests: an emulator and the node run the way n8n runs
 * it (test/harness/webhook-trigger.ts), notifications as Userflow sends them, signatures.
 */
import { createHmac, randomUUID } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type UserflowEmulator } from '../../../emulator';
import { UserflowWebhookTrigger } from '../../../nodes/UserflowWebhookTrigger/UserflowWebhookTrigger.node';
import { forgetProcessMemory } from '../../../nodes/UserflowWebhookTrigger/delivery/recentNotifications';
import { startWebhookTrigger, type WebhookTriggerHarness, type WebhookTriggerOptions } from '../../harness';

export interface Kit {
	emulator: UserflowEmulator;
	trigger: WebhookTriggerHarness;
	/** An n8n restart: same node and webhook id, static data as saved, process memory gone. */
	restart(parameters?: INodeParameters, options?: Pick<WebhookTriggerOptions, 'lookupDelayMs'>): Promise<WebhookTriggerHarness>;
}

/** An emulator and a trigger with `parameters`, both closed after each test. */
export function useTrigger(parameters: INodeParameters, options: Omit<WebhookTriggerOptions, 'credentials'> = {}): () => Kit {
	let kit: Kit | undefined;
	const open: WebhookTriggerHarness[] = [];
	let emulator: UserflowEmulator | undefined;
	beforeEach(async () => {
		forgetProcessMemory();
		emulator = await startEmulator({ webhooks: { retryBaseMs: 20, maxAttempts: 3 } });
		const credentials = { userflowApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } };
		const trigger = await startWebhookTrigger(new UserflowWebhookTrigger(), parameters, { ...options, credentials });
		open.push(trigger);
		const current: Kit = {
			emulator,
			trigger,
			async restart(next = current.trigger.node.parameters, restartOptions = {}) {
				const before = current.trigger;
				await before.settled();
				await before.close();
				forgetProcessMemory();
				current.trigger = await startWebhookTrigger(new UserflowWebhookTrigger(), next, {
					...options,
					...restartOptions,
					credentials,
					webhookId: before.node.webhookId,
					savedStaticData: before.savedStaticData,
					port: Number(new URL(before.baseUrl).port),
				});
				open.push(current.trigger);
				return current.trigger;
			},
		};
		kit = current;
	});
	afterEach(async () => {
		await Promise.all(open.map((trigger) => trigger.settled()));
		await emulator?.webhooks.settled();
		await emulator?.close();
		await Promise.all(open.splice(0).map((trigger) => trigger.close()));
		kit = undefined;
	});
	return () => {
		if (!kit) throw new Error('kit not started');
		return kit;
	};
}

/** Subscriptions the emulator holds (every tool's, not only ours). */
export const subscriptions = (emulator: UserflowEmulator) => [...emulator.store.webhookSubscriptions.values()];

/** The secret of the node's subscription, from n8n's saved static data. */
export function storedSecret(trigger: WebhookTriggerHarness): string {
	const nodeData = trigger.savedStaticData[`node:${trigger.node.name}`] as IDataObject | undefined;
	const subscription = nodeData?.subscription as IDataObject | undefined;
	if (typeof subscription?.secret !== 'string') throw new Error('the trigger stored no subscription');
	return subscription.secret;
}

export function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

export function signature(secret: string, body: string | Buffer, timestamp = nowSeconds()): string {
	const v1 = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
	return `t=${timestamp},v1=${v1}`;
}

export function signedHeaders(secret: string, body: string | Buffer, timestamp = nowSeconds()): Record<string, string> {
	return { 'Userflow-Signature': signature(secret, body, timestamp) };
}

type Notification = IDataObject & { id: string; topic: string; data: IDataObject };

export function userNotification(
	topic: 'user.created' | 'user.updated',
	user: IDataObject,
	changes?: { previous: IDataObject; updated: IDataObject },
	id: string = randomUUID(),
): Notification {
	const data: IDataObject = {
		object: { object: 'user', created_at: '2026-11-20T09:30:00.000+00:00', groups: null, memberships: null, ...user },
	};
	if (changes) Object.assign(data, { previous_attributes: changes.previous, updated_attributes: changes.updated });
	return { id, object: 'webhook_notification', api_version: '2020-01-03', created_at: '2026-11-21T10:00:00.000+00:00', topic, data };
}

export function eventNotification(name: string, topic = `event.tracked.${name}`, attributes: IDataObject = {}, id: string = randomUUID()): Notification {
	return {
		id,
		object: 'webhook_notification',
		api_version: '2020-01-03',
		created_at: '2026-11-21T10:00:00.000+00:00',
		topic,
		data: {
			object: {
				object: 'event',
				id: `evt_${id.slice(0, 8)}`,
				name,
				user_id: 'u1',
				group_id: null,
				attributes,
				time: '2026-11-21T09:59:59.000+00:00',
				created_at: '2026-11-21T10:00:00.000+00:00',
			},
		},
	};
}

/** Posts a notification signed with `secret` to the trigger's production URL. */
export async function deliver(trigger: WebhookTriggerHarness, secret: string, notification: IDataObject | string) {
	const body = typeof notification === 'string' ? notification : JSON.stringify(notification);
	return await trigger.post(body, signedHeaders(secret, body));
}

export const executionsOf = (trigger: WebhookTriggerHarness) => trigger.executions.filter((e) => e.error === undefined);
