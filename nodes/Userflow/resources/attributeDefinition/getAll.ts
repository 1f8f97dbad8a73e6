import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { returnAllAndLimitFields } from '../../shared/fields/getManyFields';
import { optionsCollection } from '../../shared/fields/optionsCollection';

const properties = (version: NodeVersion): INodeProperties[] => [
	...returnAllAndLimitFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Scope',
				name: 'scope',
				type: 'options',
				options: [
					{ name: 'Event', value: 'event' },
					{ name: 'Group', value: 'group' },
					{ name: 'Group Membership', value: 'group_membership' },
					{ name: 'User', value: 'user' },
				],
				default: 'user',
				description: 'Only the attributes of users, groups, memberships or events',
				routing: { send: { type: 'query', property: 'scope' } },
			},
		],
	},
	...optionsCollection(version, []),
];

export const getAllDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['attributeDefinition'], operation: ['getAll'] } }, properties(version));
