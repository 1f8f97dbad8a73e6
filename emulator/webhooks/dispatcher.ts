/**
 * Delivers notifications like Userflow: every API write (see ./changes) becomes a notification,
 * POSTed to every enabled subscription whose topics match, signed with that subscription's
 * secret, outside the API request that caused it, retried with exponential backoff while the
 * receiver answers non-2xx or not at all, a bounded number of times. Everything is recorded.
 */
import { SIGNATURE_HEADER, signatureHeader } from './signing';
import { onStoreChange, type StoreChange } from './changes';
import { buildNotification } from './notifications';
import { topicMatches } from './topics';
import type { EmulatorStore } from '../store';
import type { StoredWebhookSubscription } from '../types';
import type { DeliveryRecord, WebhookDeliveryOptions, WebhookNotification } from './types';

const DEFAULTS: Required<WebhookDeliveryOptions> = {
	delayMs: 0,
	maxAttempts: 5,
	retryBaseMs: 200,
	timeoutMs: 10_000,
	signature: 'valid',
	timestampOffsetSeconds: 0,
	redeliveries: 0,
};
const MAX_BACKOFF_MS = 30_000;
/** What a wrongly signing Userflow uses instead of the subscription's secret. */
const WRONG_SECRET = 'whsec_not_the_subscriptions_secret';

type Sleeper = { timer: NodeJS.Timeout; wake: () => void };

/** Called when a delivery ends: delivered, failed after its last attempt, or cancelled. */
export type DeliveryListener = (record: DeliveryRecord) => void;

export class WebhookDispatcher {
	/** Every notification the writes produced, whether or not a subscription matched. */
	readonly notifications: WebhookNotification[] = [];
	/** One record per notification and subscription (and per redelivery), in the order queued. */
	readonly deliveries: DeliveryRecord[] = [];
	private options: Required<WebhookDeliveryOptions> = { ...DEFAULTS };
	private readonly sleepers = new Set<Sleeper>();
	private pending = 0;
	private idleWaiters: Array<() => void> = [];
	private readonly listeners = new Set<DeliveryListener>();
	private closed = false;
	private readonly unsubscribe: () => void;

	constructor(private readonly store: EmulatorStore, options: WebhookDeliveryOptions = {}) {
		this.configure(options);
		this.unsubscribe = onStoreChange(store, (change) => this.onChange(change));
	}

	configure(options: WebhookDeliveryOptions): void {
		const merged = { ...this.options, ...definedOnly(options) };
		if (!(merged.maxAttempts >= 1)) throw new Error('webhooks.maxAttempts must be at least 1');
		this.options = merged;
	}

	/** Runs `listener` as each delivery ends (the standalone emulator prints them); returns the unsubscribe function. */
	onDeliveryEnd(listener: DeliveryListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Sends an already delivered notification again (same id): what a redelivering Userflow does. */
	redeliver(notificationId: string): DeliveryRecord[] {
		const earlier = this.deliveries.filter((record) => record.notification.id === notificationId);
		if (earlier.length === 0) throw new Error(`No delivery of notification '${notificationId}' to redeliver`);
		const bySubscription = new Map(earlier.map((record) => [record.subscriptionId, record]));
		const queued: DeliveryRecord[] = [];
		for (const [subscriptionId, last] of bySubscription) {
			const subscription = this.store.webhookSubscriptions.get(subscriptionId);
			if (!subscription) continue;
			const redelivery = Math.max(...earlier.filter((r) => r.subscriptionId === subscriptionId).map((r) => r.redelivery)) + 1;
			queued.push(this.queue(last.notification, subscription, redelivery));
		}
		return queued;
	}

	/** Resolves once no delivery is waiting or in flight (rejects after `timeoutMs`). */
	async settled(timeoutMs = 60_000): Promise<void> {
		if (this.pending === 0) return;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => {
				this.idleWaiters = this.idleWaiters.filter((waiter) => waiter !== done);
				reject(new Error(`Webhook deliveries still pending after ${timeoutMs} ms: ${this.pending}`));
			}, timeoutMs);
			const done = () => {
				clearTimeout(timer);
				resolve();
			};
			this.idleWaiters.push(done);
		});
	}

	/** Forgets recorded notifications and deliveries (in-flight ones still finish). */
	clear(): void {
		this.notifications.length = 0;
		this.deliveries.length = 0;
	}

	/** Stops every wait; deliveries not yet sent end as 'cancelled'. */
	close(): void {
		this.closed = true;
		this.unsubscribe();
		for (const sleeper of this.sleepers) {
			clearTimeout(sleeper.timer);
			sleeper.wake();
		}
		this.sleepers.clear();
	}

	private onChange(change: StoreChange): void {
		const notification = buildNotification(this.store, change);
		if (!notification) return;
		this.notifications.push(notification);
		for (const subscription of this.store.webhookSubscriptions.values()) {
			if (subscription.disabled) continue;
			if (!subscription.topics.some((topic) => topicMatches(topic, notification.topic))) continue;
			this.queue(notification, subscription, 0);
		}
	}

	private queue(notification: WebhookNotification, subscription: StoredWebhookSubscription, redelivery: number): DeliveryRecord {
		const record: DeliveryRecord = {
			notification,
			subscriptionId: subscription.id,
			url: subscription.url,
			redelivery,
			body: JSON.stringify(notification),
			attempts: [],
			state: 'pending',
		};
		this.deliveries.push(record);
		this.pending++;
		// Never inside the API request that caused it: the write's answer does not wait for this.
		void this.deliver(record, subscription.secret).finally(() => {
			for (const listener of this.listeners) listener(record);
			this.pending--;
			if (this.pending === 0) for (const waiter of this.idleWaiters.splice(0)) waiter();
		});
		return record;
	}

	private async deliver(record: DeliveryRecord, secret: string): Promise<void> {
		const { delayMs, maxAttempts, retryBaseMs } = this.options;
		await this.sleep(delayMs);
		for (let attempt = 1; attempt <= maxAttempts; attempt++) {
			if (this.closed) {
				record.state = 'cancelled';
				return;
			}
			const status = await this.attempt(record, secret);
			if (status >= 200 && status < 300) {
				record.state = 'delivered';
				if (record.redelivery < this.options.redeliveries) {
					const subscription = this.store.webhookSubscriptions.get(record.subscriptionId);
					if (subscription) this.queue(record.notification, subscription, record.redelivery + 1);
				}
				return;
			}
			if (attempt < maxAttempts) await this.sleep(Math.min(MAX_BACKOFF_MS, retryBaseMs * 2 ** (attempt - 1)));
		}
		record.state = this.closed ? 'cancelled' : 'failed';
	}

	/** One POST; returns the status, 0 without an answer. */
	private async attempt(record: DeliveryRecord, secret: string): Promise<number> {
		const { signature, timestampOffsetSeconds, timeoutMs } = this.options;
		// Real time, not the emulator's clock: the receiver compares it with its own clock.
		const timestamp = Math.floor(Date.now() / 1000) + timestampOffsetSeconds;
		const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'Userflow-Webhooks (emulator)' };
		if (signature !== 'none') {
			record.signatureHeader = signatureHeader(signature === 'wrong' ? WRONG_SECRET : secret, timestamp, record.body);
			headers[SIGNATURE_HEADER] = record.signatureHeader;
		}
		const sent = { at: Date.now(), status: 0 } as DeliveryRecord['attempts'][number];
		record.attempts.push(sent);
		try {
			const response = await fetch(record.url, {
				method: 'POST',
				headers,
				body: record.body,
				redirect: 'manual',
				signal: AbortSignal.timeout(timeoutMs),
			});
			await response.arrayBuffer();
			sent.status = response.status;
		} catch (error) {
			sent.error = failureCode(error);
		}
		return sent.status;
	}

	private sleep(ms: number): Promise<void> {
		if (ms <= 0 || this.closed) return Promise.resolve();
		return new Promise((resolve) => {
			const sleeper: Sleeper = {
				timer: setTimeout(() => {
					this.sleepers.delete(sleeper);
					resolve();
				}, ms),
				wake: resolve,
			};
			this.sleepers.add(sleeper);
		});
	}
}

function definedOnly(options: WebhookDeliveryOptions): WebhookDeliveryOptions {
	return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function failureCode(error: unknown): string {
	const cause = (error as { cause?: { code?: string } }).cause;
	if (cause?.code) return cause.code;
	if ((error as Error).name === 'TimeoutError') return 'timeout';
	return (error as Error).message ?? String(error);
}
