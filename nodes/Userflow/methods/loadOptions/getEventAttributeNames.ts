import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { attributeNameOptions } from './attributeNameOptions';

/** The event attributes this Userflow environment defines. */
export async function getEventAttributeNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await attributeNameOptions(this, 'event');
}
