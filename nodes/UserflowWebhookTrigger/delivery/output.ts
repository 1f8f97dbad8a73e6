/** What a notification becomes in the workflow: the filter for updates, and Simplify. */
import type { IDataObject } from 'n8n-workflow';

import { simplifyRecord } from '../../Userflow/shared/simplify';
import { UPDATE_TOPICS } from '../events';
import { changeSetsOf, type UserflowNotification } from './notification';

/**
 * Only When These Attributes Changed: an update passes when Userflow names one of the
 * attributes as updated. Userflow lists what changed in `updated_attributes` (and the old
 * values in `previous_attributes`); an update naming neither is not known to have changed
 * any of them, so it does not pass. Created and tracked notifications always pass.
 */
export function passesAttributeFilter(notification: UserflowNotification, attributes: readonly string[]): boolean {
	if (attributes.length === 0 || !UPDATE_TOPICS.includes(notification.topic)) return true;
	const { previous, updated } = changeSetsOf(notification);
	const changed = new Set([...Object.keys(updated), ...Object.keys(previous)]);
	return attributes.some((name) => changed.has(name));
}

/** A tracked event flattened like users and groups: its attributes beside its own fields. */
function simplifyEvent(event: IDataObject): IDataObject {
	const attributes = (event.attributes ?? {}) as IDataObject;
	return {
		...attributes,
		id: event.id,
		name: event.name,
		user_id: event.user_id ?? null,
		group_id: event.group_id ?? null,
		time: event.time,
		created_at: event.created_at,
	};
}

/**
 * Simplify: the user, group or event flattened like the Userflow node flattens records,
 * plus which notification it came from. Off: the notification exactly as Userflow sent it.
 */
export function notificationOutput(notification: UserflowNotification, simplify: boolean): IDataObject {
	if (!simplify) return notification;
	const object = notification.data.object;
	const flattened = object.object === 'event' ? simplifyEvent(object) : simplifyRecord(object);
	const output: IDataObject = {
		...flattened,
		topic: notification.topic,
		notification_id: notification.id,
		notification_created_at: notification.created_at ?? null,
	};
	if (UPDATE_TOPICS.includes(notification.topic)) {
		const { previous, updated } = changeSetsOf(notification);
		output.previous_attributes = previous;
		output.updated_attributes = updated;
	}
	return output;
}
