import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { attributeInputProperties } from '../../shared/attributes/fields';
import { MEMBERSHIP_ATTRIBUTES, RELATED_GROUP_ATTRIBUTES } from '../../shared/attributes/specs';
import { groupIdLocator, userIdLocator } from '../../shared/fields/locators';
import { CHECK_NAME_CASE_OPTION } from '../../shared/guards/nameCaseGuard';

const properties: INodeProperties[] = [
	userIdLocator(),
	groupIdLocator({ description: 'The group (company); Add creates it if it does not exist yet, Remove leaves it in place' }),
	...attributeInputProperties(MEMBERSHIP_ATTRIBUTES),
	...attributeInputProperties(RELATED_GROUP_ATTRIBUTES),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [CHECK_NAME_CASE_OPTION],
	},
];

export const membershipAddDescription = updateDisplayOptions(
	{ show: { resource: ['membership'], operation: ['add'] } },
	properties,
);
