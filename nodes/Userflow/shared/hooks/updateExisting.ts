import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { sendDeclarative, userflowApiRequest } from '../transport/userflowRequest';
import { describeObject, objectPath } from './objectSubject';

/**
 * Update = upsert of an object that must already exist. Userflow only has upserts, so the
 * object is read first: a missing one fails the item ("User 'u_42' does not exist in this
 * Userflow environment") instead of being created. Read and write are two requests; an
 * object deleted in between would be re-created (Userflow offers no conditional write).
 */
export async function updateExisting(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const collection = requestData.options.url === '/groups' ? 'groups' : 'users';
	const id = String((requestData.options.body as IDataObject).id);
	const subject = { object: describeObject({ kind: collection === 'groups' ? 'Group' : 'User', id }) };
	await userflowApiRequest(
		this,
		{ method: 'GET', url: objectPath(collection, id) },
		{ itemIndex: this.getItemIndex(), subject },
	);
	return await sendDeclarative(this, requestData, { subject });
}
