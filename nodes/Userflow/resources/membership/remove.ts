import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { groupIdLocator, userIdLocator } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';
import { MEMBERSHIP_GROUP_DESCRIPTION } from './add';

const properties = (version: NodeVersion): INodeProperties[] => [
	userIdLocator(),
	groupIdLocator({ description: MEMBERSHIP_GROUP_DESCRIPTION }),
	...optionsCollection(version, []),
];

export const membershipRemoveDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['membership'], operation: ['remove'] } }, properties(version));
