import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { toIsoDateTime } from '../attributes/coerceValue';
import { readAttributes } from '../attributes/readAttributes';
import { EVENT_ATTRIBUTES } from '../attributes/specs';
import { guardAttributeNamesCase, guardEventNameCase } from '../guards/nameCaseGuard';
import { invalidInput, withItemErrors } from '../validation/invalidInput';
import { optionalId } from '../validation/requiredId';

/**
 * preSend for event Track: `{name, user_id?, group_id?, attributes?, time?}`. Everything
 * is checked first, because a tracked event cannot be taken back.
 */
export async function buildEventBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	// Text in version 1, a resource locator in version 2.
	const rawName = this.getNodeParameter('eventName', '', { extractValue: true }) as unknown;
	if (typeof rawName !== 'string' || rawName.trim() === '') {
		throw invalidInput(this, 'Event Name', 'is empty; give the event name, e.g. feature_activated');
	}
	const name = rawName.trim();
	const userId = optionalId(this, 'userId', 'User ID');
	const groupId = optionalId(this, 'groupId', 'Group ID');
	if (userId === undefined && groupId === undefined) {
		throw invalidInput(this, 'User ID / Group ID', 'both are empty; an event needs a user, a group, or both');
	}
	const attributes = await readAttributes(this, EVENT_ATTRIBUTES);
	const options = this.getNodeParameter('options', {}) as { time?: unknown };
	const body: IDataObject = { name };
	if (userId !== undefined) body.user_id = userId;
	if (groupId !== undefined) body.group_id = groupId;
	if (Object.keys(attributes).length > 0) body.attributes = attributes;
	if (options.time !== undefined && options.time !== '') {
		body.time = withItemErrors(this, () => toIsoDateTime(options.time, 'Time'));
	}
	await guardEventNameCase(this, name, 'Event Name');
	await guardAttributeNamesCase(this, 'event', attributes, EVENT_ATTRIBUTES.label);
	return { ...requestOptions, body };
}
