import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { includeMembershipsOption, simplifyField } from '../../shared/fields/getManyFields';
import { groupIdLocator } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';
import { selectedFieldsOption } from '../../shared/output/outputShape';

const properties = (version: NodeVersion): INodeProperties[] => [
	groupIdLocator(),
	// Version 2: Get returns the same flat record as Get Many (version 1 returns the raw group).
	...(version === 1 ? [] : [simplifyField]),
	...optionsCollection(version, [includeMembershipsOption("Whether to include the group's memberships and their users"), ...(version === 1 ? [] : [selectedFieldsOption])]),
];

export const groupGetDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['group'], operation: ['get'] } }, properties(version));
