import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { simplifyField } from '../../shared/fields/getManyFields';
import { groupIdLocator } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';

const properties = (version: NodeVersion): INodeProperties[] => [
	groupIdLocator(),
	// Version 2: Get returns the same flat record as Get Many (version 1 returns the raw group).
	...(version === 1 ? [] : [simplifyField]),
	...optionsCollection(version, [
		{
			displayName: 'Include Memberships',
			name: 'includeMemberships',
			type: 'boolean',
			default: false,
			description: 'Whether to include the group\'s memberships and their users',
			routing: {
				send: {
					type: 'query',
					property: 'expand[]',
					propertyInDotNotation: false,
					value: '={{ $value ? "memberships" : undefined }}',
				},
			},
		},
	]),
];

export const groupGetDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['group'], operation: ['get'] } }, properties(version));
