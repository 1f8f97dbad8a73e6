import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { attributeNameOptions } from './attributeNameOptions';

/** The user attributes this Userflow environment defines. */
export async function getUserAttributeNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await attributeNameOptions(this, 'user');
}
