import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { readAttributes } from '../attributes/readAttributes';
import { MEMBERSHIP_ATTRIBUTES, RELATED_GROUP_ATTRIBUTES } from '../attributes/specs';
import { guardAttributeNamesCase } from '../guards/nameCaseGuard';
import { requiredId } from '../validation/requiredId';
import { membershipFields } from './membershipEntry';
import { objectPath } from './objectSubject';

/**
 * preSend for membership Add: a user upsert listing this one group (other memberships
 * are left alone), with the membership's and the group's attributes.
 */
export async function buildMembershipAddBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const userId = requiredId(this, 'userId', 'User');
	const groupId = requiredId(this, 'groupId', 'Group');
	const membershipAttributes = await readAttributes(this, MEMBERSHIP_ATTRIBUTES);
	const groupAttributes = await readAttributes(this, RELATED_GROUP_ATTRIBUTES);
	await guardAttributeNamesCase(this, 'group_membership', membershipAttributes, MEMBERSHIP_ATTRIBUTES.label);
	await guardAttributeNamesCase(this, 'group', groupAttributes, RELATED_GROUP_ATTRIBUTES.label);
	// Always the `memberships` form, so the membership exists even without attributes.
	const fields = membershipFields(groupId, groupAttributes, membershipAttributes);
	const memberships = fields.memberships ?? [{ group: (fields.groups as object[])[0] }];
	return { ...requestOptions, body: { id: userId, memberships } };
}

/**
 * preSend for membership Remove and Get Many: reads the user with its memberships
 * (`GET /users/{id}?expand[]=memberships`); the pagination hook does the rest.
 */
export async function userWithMembershipsRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const userId = requiredId(this, 'userId', 'User');
	if (this.getNodeParameter('operation', '') === 'remove') requiredId(this, 'groupId', 'Group');
	return {
		...requestOptions,
		method: 'GET',
		url: objectPath('users', userId),
		qs: { ...(requestOptions.qs ?? {}), 'expand[]': 'memberships' },
	};
}
