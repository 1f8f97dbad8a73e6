import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { sendDeclarative, userflowApiRequest } from '../transport/userflowRequest';
import { requiredId } from '../validation/requiredId';
import { describeObject, objectFromUrl } from './objectSubject';

/**
 * HOW A MEMBERSHIP IS REMOVED — the one place to change it.
 *
 * The contract marks Userflow's dedicated "remove one membership" endpoint as [open]
 * (clients disagree on its path). The confirmed way: read the user with
 * `expand[]=memberships`, then upsert the user listing the remaining groups with
 * `prune_memberships: true`, which drops every membership not listed. The group stays.
 * Removing a user who is not a member sends nothing more and is not an error.
 *
 * Read and write are two requests: a membership added by someone else in between would be
 * pruned too. Should Userflow confirm the dedicated endpoint, replace the second request
 * here (and the read if the endpoint tolerates non-members).
 */
export async function removeMembershipByPruning(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const ref = objectFromUrl(requestData.options.url);
	const userId = ref?.id ?? '';
	const groupId = requiredId(this, 'groupId', 'Group');
	const subject = { object: describeObject({ kind: 'User', id: userId }) };
	const [response] = await sendDeclarative(this, requestData, { mode: 'idempotent', subject });
	const memberships = ((response?.json as IDataObject)?.memberships ?? []) as Array<{ group_id?: string }>;
	const result = { user_id: userId, group_id: groupId };
	if (!memberships.some((membership) => membership.group_id === groupId)) {
		return [{ json: { ...result, removed: false } }];
	}
	const remaining = memberships
		.filter((membership) => membership.group_id !== groupId)
		.map((membership) => ({ id: membership.group_id }));
	await userflowApiRequest(
		this,
		{ method: 'POST', url: '/users', body: { id: userId, groups: remaining, prune_memberships: true } },
		{ mode: 'idempotent', itemIndex: this.getItemIndex(), subject },
	);
	return [{ json: { ...result, removed: true } }];
}
