import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { attributeNameOptions } from './attributeNameOptions';

/** The group_membership attributes this Userflow environment defines. */
export async function getMembershipAttributeNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await attributeNameOptions(this, 'group_membership');
}
