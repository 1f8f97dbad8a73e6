import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { userIdLocator } from '../../shared/fields/locators';

const properties: INodeProperties[] = [userIdLocator()];

export const userDeleteDescription = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['delete'] } },
	properties,
);
