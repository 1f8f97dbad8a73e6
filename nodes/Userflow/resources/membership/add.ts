import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { attributeInputProperties } from '../../shared/attributes/fields';
import { MEMBERSHIP_ATTRIBUTES, RELATED_GROUP_ATTRIBUTES } from '../../shared/attributes/specs';
import type { NodeVersion } from '../../shared/description/nodeVersion';
import { groupIdLocator, userIdLocator } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';
import { CHECK_NAME_CASE_OPTION } from '../../shared/guards/nameCaseGuard';

export const MEMBERSHIP_GROUP_DESCRIPTION =
	'The group (company); Add creates it if it does not exist yet, Remove leaves it in place';

const properties = (version: NodeVersion): INodeProperties[] => [
	userIdLocator(),
	// Version 2 opens on "By ID": Add creates the group when it is new.
	groupIdLocator({ description: MEMBERSHIP_GROUP_DESCRIPTION }, version === 1 ? 'list' : 'id'),
	...attributeInputProperties(MEMBERSHIP_ATTRIBUTES, version),
	...attributeInputProperties(RELATED_GROUP_ATTRIBUTES, version),
	...optionsCollection(version, [CHECK_NAME_CASE_OPTION]),
];

export const membershipAddDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['membership'], operation: ['add'] } }, properties(version));
