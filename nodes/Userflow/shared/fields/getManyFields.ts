import type { INodeProperties } from 'n8n-workflow';

/**
 * Return All and Limit, the same on every Get Many. The pagination hook reads them
 * (paginateList, listUserMemberships); they carry no routing of their own.
 */
export const returnAllAndLimitFields: INodeProperties[] = [
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
];

/** Return All, Limit and Simplify, for lists of records that carry attributes. */
export function getManyFields(): INodeProperties[] {
	return [
		...returnAllAndLimitFields,
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description:
				"Whether to return flat records (ID, created_at and the attributes side by side) instead of Userflow's raw objects",
		},
	];
}

/** Sort by creation and optional memberships, for the users and groups lists. */
export function listOptionsFields(): INodeProperties[] {
	return [
		{
			displayName: 'Include Memberships',
			name: 'includeMemberships',
			type: 'boolean',
			default: false,
			description: 'Whether to include each record\'s memberships (and their groups or users)',
			routing: {
				send: {
					type: 'query',
					property: 'expand[]',
					propertyInDotNotation: false,
					value: '={{ $value ? "memberships" : undefined }}',
				},
			},
		},
		{
			displayName: 'Sort',
			name: 'orderBy',
			type: 'options',
			options: [
				{ name: 'Newest First', value: '-created_at' },
				{ name: 'Oldest First', value: 'created_at' },
			],
			default: '-created_at',
			description: 'Order by creation time',
			routing: { send: { type: 'query', property: 'order_by' } },
		},
	];
}
