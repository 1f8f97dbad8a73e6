import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { attributeNameOptions } from './attributeNameOptions';

/** The group attributes this Userflow environment defines. */
export async function getGroupAttributeNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await attributeNameOptions(this, 'group');
}
