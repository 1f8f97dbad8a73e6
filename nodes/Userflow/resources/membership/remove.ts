import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { groupIdLocator, userIdLocator } from '../../shared/fields/locators';

const properties: INodeProperties[] = [userIdLocator(), groupIdLocator({ description: 'The group (company); Add creates it if it does not exist yet, Remove leaves it in place' })];

export const membershipRemoveDescription = updateDisplayOptions(
	{ show: { resource: ['membership'], operation: ['remove'] } },
	properties,
);
