/** A store change as the notification Userflow would send, built when the write happens. */
import { randomUUID } from 'node:crypto';
import { eventJson, groupJson, userJson } from '../serialize';
import type { EmulatorStore } from '../store';
import { USERFLOW_VERSION } from '../version';
import { changedAttributeNames, type StoreChange } from './changes';
import { notificationTopic } from './topics';
import type { WebhookNotification } from './types';

export function buildNotification(store: EmulatorStore, change: StoreChange): WebhookNotification | undefined {
	const envelope = (topic: string, data: WebhookNotification['data']): WebhookNotification => ({
		id: randomUUID(),
		object: 'webhook_notification',
		api_version: USERFLOW_VERSION,
		created_at: store.now(),
		topic,
		data,
	});
	if (change.kind === 'tracked') {
		return envelope(notificationTopic('event', 'tracked', change.event.name), { object: eventJson(change.event) });
	}
	const record = change.type === 'user' ? store.users.get(change.id) : store.groups.get(change.id);
	if (!record) return undefined;
	const object = change.type === 'user' ? userJson(store, record) : groupJson(store, record);
	const topic = notificationTopic(change.type, change.kind);
	if (change.kind === 'created') return envelope(topic, { object });
	// Userflow's *.updated notifications name what changed: the old and the new values.
	const previous: Record<string, unknown> = {};
	const updated: Record<string, unknown> = {};
	for (const name of changedAttributeNames(change.previousAttributes, record.attributes)) {
		previous[name] = structuredClone(change.previousAttributes[name] ?? null);
		updated[name] = structuredClone(record.attributes[name] ?? null);
	}
	return envelope(topic, { object, previous_attributes: previous, updated_attributes: updated });
}
