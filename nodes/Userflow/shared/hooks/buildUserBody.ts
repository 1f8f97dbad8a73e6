import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { readAttributes } from '../attributes/readAttributes';
import { MEMBERSHIP_ATTRIBUTES, RELATED_GROUP_ATTRIBUTES, USER_ATTRIBUTES } from '../attributes/specs';
import type { AttributeMap } from '../attributes/types';
import { guardAttributeNamesCase } from '../guards/nameCaseGuard';
import { requiredId } from '../validation/requiredId';
import { membershipFields } from './membershipEntry';

function withAttributes(body: IDataObject, attributes: AttributeMap): IDataObject {
	return Object.keys(attributes).length > 0 ? { ...body, attributes } : body;
}

/**
 * preSend for user update: `{id, attributes}`, every value converted and checked and
 * names compared with Userflow's definitions before anything is sent.
 */
export async function buildUserUpdateBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const id = requiredId(this, 'userId', 'User');
	const attributes = await readAttributes(this, USER_ATTRIBUTES);
	await guardAttributeNamesCase(this, 'user', attributes, USER_ATTRIBUTES.label);
	return { ...requestOptions, body: withAttributes({ id }, attributes) };
}

/**
 * preSend for user Create or Update, optionally with the user's group (company), its
 * attributes and the membership's: the "sync a new user on signup" case in one request.
 */
export async function buildUserUpsertBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const id = requiredId(this, 'userId', 'User ID');
	const attributes = await readAttributes(this, USER_ATTRIBUTES);
	let body = withAttributes({ id }, attributes);
	let groupAttributes: AttributeMap = {};
	let membershipAttributes: AttributeMap = {};
	if (this.getNodeParameter('addToGroup', false) === true) {
		const groupId = requiredId(this, 'groupId', 'Group ID');
		groupAttributes = await readAttributes(this, RELATED_GROUP_ATTRIBUTES);
		membershipAttributes = await readAttributes(this, MEMBERSHIP_ATTRIBUTES);
		body = { ...body, ...membershipFields(groupId, groupAttributes, membershipAttributes) };
		const options = this.getNodeParameter('options', {}) as { removeFromOtherGroups?: boolean };
		if (options.removeFromOtherGroups === true) body.prune_memberships = true;
	}
	await guardAttributeNamesCase(this, 'user', attributes, USER_ATTRIBUTES.label);
	await guardAttributeNamesCase(this, 'group', groupAttributes, RELATED_GROUP_ATTRIBUTES.label);
	await guardAttributeNamesCase(this, 'group_membership', membershipAttributes, MEMBERSHIP_ATTRIBUTES.label);
	return { ...requestOptions, body };
}
