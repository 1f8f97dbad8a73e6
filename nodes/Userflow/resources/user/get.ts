import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { includeMembershipsOption, simplifyField } from '../../shared/fields/getManyFields';
import { userIdLocator } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';
import { selectedFieldsOption } from '../../shared/output/outputShape';

const properties = (version: NodeVersion): INodeProperties[] => [
	userIdLocator(),
	// Version 2: Get returns the same flat record as Get Many (version 1 returns the raw user).
	...(version === 1 ? [] : [simplifyField]),
	...optionsCollection(version, [includeMembershipsOption("Whether to include the user's memberships and their groups"), ...(version === 1 ? [] : [selectedFieldsOption])]),
];

export const userGetDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties(version));
