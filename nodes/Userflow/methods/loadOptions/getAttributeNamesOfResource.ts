import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { attributeNameOptions } from './attributeNameOptions';

/**
 * The attributes of what the current resource writes (users, groups or events). Lets user,
 * group and event operations share one set of attribute fields (see mergeSharedProperties).
 */
const SCOPE_OF_RESOURCE: Record<string, 'user' | 'group' | 'event'> = { user: 'user', group: 'group', event: 'event' };

export async function getAttributeNamesOfResource(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const resource = this.getCurrentNodeParameter('resource');
	return await attributeNameOptions(this, SCOPE_OF_RESOURCE[String(resource)] ?? 'user');
}
