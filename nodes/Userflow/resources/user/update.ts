import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { attributeInputProperties } from '../../shared/attributes/fields';
import { USER_ATTRIBUTES } from '../../shared/attributes/specs';
import { userIdLocator } from '../../shared/fields/locators';
import { CHECK_NAME_CASE_OPTION } from '../../shared/guards/nameCaseGuard';

const properties: INodeProperties[] = [
	userIdLocator(),
	...attributeInputProperties(USER_ATTRIBUTES),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [CHECK_NAME_CASE_OPTION],
	},
];

export const userUpdateDescription = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['update'] } },
	properties,
);
