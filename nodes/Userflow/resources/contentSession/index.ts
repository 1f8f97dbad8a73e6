import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { defaultOrderQuery } from '../../shared/fields/listOrder';

import { paginateList } from '../../shared/hooks/paginateList';
import { getAllDescription } from './getAll';

export const contentSessionDescription = (version: NodeVersion): INodeProperties[] => [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contentSession'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many content sessions',
				description: 'List the sessions (runs by users) of one flow or checklist',
				routing: {
					request: {
						method: 'GET',
						url: '/content_sessions',
						arrayFormat: 'brackets',
						...defaultOrderQuery(version, 'contentSessions'),
					},
					send: { paginate: true },
					operations: { pagination: paginateList },
				},
			},
		],
		default: 'getAll',
	},
	...getAllDescription(version),
];
