import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { userIdLocator } from '../../shared/fields/locators';

const properties: INodeProperties[] = [
	userIdLocator(),
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
				description: 'Whether to include the user\'s memberships and their groups',
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

export const userGetDescription = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['get'] } },
	properties,
);
