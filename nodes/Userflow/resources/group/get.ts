import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { groupIdLocator } from '../../shared/fields/locators';

const properties: INodeProperties[] = [
	groupIdLocator(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
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
		],
	},
];

export const groupGetDescription = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['get'] } },
	properties,
);
