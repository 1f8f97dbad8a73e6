import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { sendDeclarative } from '../transport/userflowRequest';
import { describeObject, objectFromUrl } from './objectSubject';

/**
 * Get one user or group: like sendIdempotentRequest, but a 404 names the object
 * ("User 'u_42' does not exist in this Userflow environment").
 */
export async function getObject(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const ref = objectFromUrl(requestData.options.url);
	return await sendDeclarative(this, requestData, {
		subject: ref ? { object: describeObject(ref) } : undefined,
	});
}

/**
 * Delete one user or group. Userflow's answer body is not documented (it may be empty), so
 * the item is always `{deleted: true, id}`.
 */
export async function deleteObject(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const ref = objectFromUrl(requestData.options.url);
	await sendDeclarative(this, requestData, {
		subject: ref ? { object: describeObject(ref) } : undefined,
	});
	return [{ json: { deleted: true, id: ref?.id ?? null } }];
}
