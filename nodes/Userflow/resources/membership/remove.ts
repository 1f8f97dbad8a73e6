import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { groupIdLocator, userIdLocator } from '../../shared/fields/locators';

const properties: INodeProperties[] = [userIdLocator(), groupIdLocator({ description: 'The group to remove the user from; the group itself stays' })];

export const membershipRemoveDescription = updateDisplayOptions(
	{ show: { resource: ['membership'], operation: ['remove'] } },
	properties,
);
