/** POST /events: track an event for a user and/or group. There is no endpoint listing events. */
import { applyAttributeChanges, EVENT_ATTRIBUTE_RULES } from '../attributes';
import { defineAttributes, defineEvent } from '../autoDefinitions';
import { optionalId, rejectUnknownFields, requireObject } from '../body';
import { invalidParams, notFound, noSuchObject } from '../errors';
import { checkQuery } from '../request';
import { eventJson } from '../serialize';
import { isIsoDateTime } from '../time';
import { emitChange } from '../webhooks/changes';
import { ok, type Handler } from './context';

/**
 * [open] in the contract: whether tracking for an unknown user/group creates it. The emulator
 * answers 404 (the strict choice: a client that works here also works if Userflow refuses).
 */
export const EVENTS_REQUIRE_EXISTING_SUBJECTS = true;

export const trackEvent: Handler = (request, store) => {
	checkQuery(request.query, {});
	const body = requireObject(request.body, 'Request body');
	rejectUnknownFields(body, ['name', 'user_id', 'group_id', 'attributes', 'time'], 'Request body');
	if (typeof body.name !== 'string' || body.name.trim() === '') throw invalidParams('name must be a non-empty string');
	const userId = optionalId(body.user_id, 'user_id');
	const groupId = optionalId(body.group_id, 'group_id');
	if (userId === undefined && groupId === undefined) throw invalidParams('Give at least one of user_id and group_id');
	if (body.time !== undefined && !isIsoDateTime(body.time)) throw invalidParams('time must be an ISO 8601 date-time');
	if (EVENTS_REQUIRE_EXISTING_SUBJECTS) {
		if (userId !== undefined && !store.users.has(userId)) throw notFound(noSuchObject('User', userId));
		if (groupId !== undefined && !store.groups.has(groupId)) throw notFound(noSuchObject('Group', groupId));
	}
	const attributes =
		body.attributes === undefined ? {} : applyAttributeChanges({}, body.attributes, 'attributes', EVENT_ATTRIBUTE_RULES);
	const event = store.addEvent({ name: body.name, user_id: userId, group_id: groupId, attributes, time: body.time as string | undefined });
	defineEvent(store, event.name);
	defineAttributes(store, 'event', attributes);
	emitChange(store, { kind: 'tracked', event });
	return ok(eventJson(event));
};
