import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { paginateList } from '../../shared/hooks/paginateList';
import { getAllDescription } from './getAll';

export const attributeDefinitionDescription = (version: NodeVersion): INodeProperties[] => [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attributeDefinition'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many attribute definitions',
				description: 'List the attributes Userflow knows for users, groups, memberships or events',
				routing: {
					request: { method: 'GET', url: '/attribute_definitions' },
					send: { paginate: true },
					operations: { pagination: paginateList },
				},
			},
		],
		default: 'getAll',
	},
	...getAllDescription(version),
];
