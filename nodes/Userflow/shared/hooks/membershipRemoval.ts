import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { sendDeclarative, userflowApiRequest } from '../transport/userflowRequest';
import { requiredId } from '../validation/requiredId';
import { MalformedAnswerError } from '../transport/listAnswer';
import { answerProblem } from './answerProblem';
import { membershipsOfAnswer } from './membershipsOfAnswer';
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
interface MembershipLike {
	group_id?: string;
	group?: { id?: string };
}

/** Expanded memberships carry `group_id`, or only `group` (with its id): both are read. */
function groupIdOf(membership: MembershipLike): string | undefined {
	const id = membership.group_id ?? membership.group?.id;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export async function removeMembershipByPruning(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const ref = objectFromUrl(requestData.options.url);
	const userId = ref?.id ?? '';
	const groupId = requiredId(this, 'groupId', 'Group');
	const subject = { object: describeObject({ kind: 'User', id: userId }) };
	const [response] = await sendDeclarative(this, requestData, { subject });
	const groupIds = answerProblem(this, () => {
		const ids = (membershipsOfAnswer(response?.json) as MembershipLike[]).map(groupIdOf);
		// The prune drops every membership not listed: one we cannot name would be dropped too.
		if (ids.some((id) => id === undefined)) {
			throw new MalformedAnswerError("Userflow answered with a membership without its group's id; nothing was removed");
		}
		return ids as string[];
	});
	const result = { user_id: userId, group_id: groupId };
	if (!groupIds.includes(groupId)) {
		return [{ json: { ...result, removed: false } }];
	}
	const remaining = groupIds.filter((id) => id !== groupId).map((id) => ({ id }));
	await userflowApiRequest(
		this,
		{ method: 'POST', url: '/users', body: { id: userId, groups: remaining, prune_memberships: true } },
		{ itemIndex: this.getItemIndex(), subject },
	);
	return [{ json: { ...result, removed: true } }];
}
