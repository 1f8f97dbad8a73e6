import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { defaultOrderQuery } from '../../shared/fields/listOrder';

import { paginateList } from '../../shared/hooks/paginateList';
import { contentIdInPath } from '../../shared/hooks/idInPath';
import { getObject } from '../../shared/hooks/sendObjectRequest';
import { getDescription } from './get';
import { getAllDescription } from './getAll';

const showOnlyForContent = { resource: ['content'] };

export const contentDescription = (version: NodeVersion): INodeProperties[] => [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForContent },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: version === 1 ? 'Get a content' : 'Get a content item',
				description: 'Get one flow, checklist or launcher',
				routing: {
					request: { method: 'GET', arrayFormat: 'brackets' },
					send: { paginate: true, preSend: [contentIdInPath] },
					operations: { pagination: getObject },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: version === 1 ? 'Get many contents' : 'Get many content items',
				description: 'List flows, checklists and launchers',
				routing: {
					request: { method: 'GET', url: '/content', arrayFormat: 'brackets', ...defaultOrderQuery(version, 'content') },
					send: { paginate: true },
					operations: { pagination: paginateList },
				},
			},
		],
		default: 'getAll',
	},
	...getDescription(version),
	...getAllDescription(version),
];
