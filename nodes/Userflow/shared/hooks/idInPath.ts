import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requiredId } from '../validation/requiredId';
import { objectPath } from './objectSubject';

const IN_PATH = { inPath: true };

/** preSend for get and delete: puts the checked, encoded user ID into the path. */
export async function userIdInPath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return { ...requestOptions, url: objectPath('users', requiredId(this, 'userId', 'User', IN_PATH)) };
}

/** preSend for get and delete: puts the checked, encoded group ID into the path. */
export async function groupIdInPath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return { ...requestOptions, url: objectPath('groups', requiredId(this, 'groupId', 'Group', IN_PATH)) };
}

/** preSend for content get: puts the checked, encoded content ID into the path. */
export async function contentIdInPath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return { ...requestOptions, url: objectPath('content', requiredId(this, 'contentId', 'Content', IN_PATH)) };
}

/** preSend for content sessions: the content filter is required and must not be blank. */
export async function requireContentId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requiredId(this, 'contentId', 'Content');
	return requestOptions;
}
