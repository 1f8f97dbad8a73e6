import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../description/nodeVersion';
import { selectedFieldsOption } from '../output/outputShape';
import { sortOption } from './listOrder';

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

/** Simplify, for operations that return records with attributes (users, groups, memberships). */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		"Whether to return flat records (ID, created_at and the attributes side by side) instead of Userflow's raw objects",
};

/** Return All, Limit and Simplify, for lists of records that carry attributes. */
export function getManyFields(): INodeProperties[] {
	return [...returnAllAndLimitFields, simplifyField];
}

/** "Include Memberships": `expand[]=memberships` on a user or group read. */
export function includeMembershipsOption(description: string): INodeProperties {
	return {
		displayName: 'Include Memberships',
		name: 'includeMemberships',
		type: 'boolean',
		default: false,
		description,
		routing: {
			send: {
				type: 'query',
				property: 'expand[]',
				propertyInDotNotation: false,
				value: '={{ $value ? "memberships" : undefined }}',
			},
		},
	};
}

/** Optional memberships and the sort order, for the users and groups lists. */
export function listOptionsFields(version: NodeVersion = 1): INodeProperties[] {
	return [
		includeMembershipsOption("Whether to include each record's memberships (and their groups or users)"),
		version === 1
			? {
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
				}
			: sortOption('usersOrGroups'),
		...(version === 1 ? [] : [selectedFieldsOption]),
	];
}
