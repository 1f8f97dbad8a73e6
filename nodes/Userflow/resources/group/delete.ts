import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { groupIdLocator } from '../../shared/fields/locators';

const properties: INodeProperties[] = [groupIdLocator()];

export const groupDeleteDescription = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['delete'] } },
	properties,
);
