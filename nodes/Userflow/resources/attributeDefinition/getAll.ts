import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
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
];

export const getAllDescription = updateDisplayOptions(
	{ show: { resource: ['attributeDefinition'], operation: ['getAll'] } },
	properties,
);
