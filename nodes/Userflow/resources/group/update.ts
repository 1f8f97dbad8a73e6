import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { attributeInputProperties } from '../../shared/attributes/fields';
import { GROUP_ATTRIBUTES } from '../../shared/attributes/specs';
import { groupIdLocator } from '../../shared/fields/locators';
import { CHECK_NAME_CASE_OPTION } from '../../shared/guards/nameCaseGuard';

const properties: INodeProperties[] = [
	groupIdLocator(),
	...attributeInputProperties(GROUP_ATTRIBUTES),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [CHECK_NAME_CASE_OPTION],
	},
];

export const groupUpdateDescription = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['update'] } },
	properties,
);
