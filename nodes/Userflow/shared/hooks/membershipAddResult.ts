import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { sendDeclarative } from '../transport/userflowRequest';

/**
 * Version 2's Membership → Add: sends the user upsert buildMembershipAddBody built, and
 * outputs what was added, the membership with its group, instead of Userflow's answer (the
 * user, whose `memberships` is null unless expanded, which a write cannot ask for). Built from
 * what was sent, so it costs no second request per item:
 * `{user_id, group_id, attributes, group: {id, attributes}}`, attributes as sent.
 */
export async function addMembership(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	await sendDeclarative(this, requestData, { mode: 'idempotent' });
	const body = requestData.options.body as IDataObject;
	const [membership] = body.memberships as IDataObject[];
	const group = membership.group as IDataObject;
	return [
		{
			json: {
				user_id: body.id,
				group_id: group.id,
				attributes: membership.attributes ?? {},
				group: { id: group.id, attributes: group.attributes ?? {} },
			},
		},
	];
}
