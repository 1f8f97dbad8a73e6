import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { paginateList } from '../../shared/hooks/paginateList';
import { getAllDescription } from './getAll';

export const eventDefinitionDescription = (version: NodeVersion): INodeProperties[] => [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['eventDefinition'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many event definitions',
				description: 'List the event names Userflow has seen in this environment',
				routing: {
					request: { method: 'GET', url: '/event_definitions' },
					send: { paginate: true },
					operations: { pagination: paginateList },
				},
			},
		],
		default: 'getAll',
	},
	...getAllDescription(version),
];
