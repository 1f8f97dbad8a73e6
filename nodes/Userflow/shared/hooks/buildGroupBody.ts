import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { readAttributes } from '../attributes/readAttributes';
import { GROUP_ATTRIBUTES } from '../attributes/specs';
import { guardAttributeNamesCase } from '../guards/nameCaseGuard';
import { requiredId } from '../validation/requiredId';

/** preSend for group Create or Update and Update: `{id, attributes}`, checked. */
export async function buildGroupBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const operation = this.getNodeParameter('operation', '') as string;
	const id = requiredId(this, 'groupId', operation === 'upsert' ? 'Group ID' : 'Group');
	const attributes = await readAttributes(this, GROUP_ATTRIBUTES);
	await guardAttributeNamesCase(this, 'group', attributes, GROUP_ATTRIBUTES.label);
	const body = Object.keys(attributes).length > 0 ? { id, attributes } : { id };
	return { ...requestOptions, body };
}
