import type { INodeProperties } from 'n8n-workflow';

import { paginateList } from '../../shared/hooks/paginateList';
import { contentIdInPath } from '../../shared/hooks/idInPath';
import { getObject } from '../../shared/hooks/sendObjectRequest';
import { getDescription } from './get';
import { getAllDescription } from './getAll';

const showOnlyForContent = { resource: ['content'] };

export const contentDescription: INodeProperties[] = [
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
				action: 'Get a content',
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
				action: 'Get many contents',
				description: 'List flows, checklists and launchers',
				routing: {
					request: { method: 'GET', url: '/content', arrayFormat: 'brackets' },
					send: { paginate: true },
					operations: { pagination: paginateList },
				},
			},
		],
		default: 'getAll',
	},
	...getDescription,
	...getAllDescription,
];
