import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { simplifyMembership } from '../simplify';
import { sendDeclarative } from '../transport/userflowRequest';
import { describeObject, objectFromUrl } from './objectSubject';

/**
 * Membership Get Many: a user's groups, one item per membership, from the user read with
 * `expand[]=memberships` (Userflow answers them all at once, so Limit cuts locally).
 */
export async function listUserMemberships(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const ref = objectFromUrl(requestData.options.url);
	const [response] = await sendDeclarative(this, requestData, {
		mode: 'idempotent',
		subject: ref ? { object: describeObject(ref) } : undefined,
	});
	const memberships = ((response?.json as IDataObject)?.memberships ?? []) as IDataObject[];
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? memberships.length : Number(this.getNodeParameter('limit', 50));
	const simplify = this.getNodeParameter('simplify', false) as boolean;
	return memberships
		.slice(0, limit)
		.map((membership) => ({ json: simplify ? simplifyMembership(membership) : membership }));
}
