import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { attributeNameOptions } from './attributeNameOptions';

/**
 * The attributes of the object the current resource writes (users or groups). Lets user
 * and group operations share one set of attribute fields (see mergeSharedProperties).
 */
export async function getAttributeNamesOfResource(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const resource = this.getCurrentNodeParameter('resource');
	return await attributeNameOptions(this, resource === 'group' ? 'group' : 'user');
}
