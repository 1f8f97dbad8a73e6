import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { returnAllAndLimitFields } from '../../shared/fields/getManyFields';
import { sortOption, v1SortOption } from '../../shared/fields/listOrder';
import { optionsCollection } from '../../shared/fields/optionsCollection';

import { contentExpandOption } from './expandOptions';

const properties = (version: NodeVersion): INodeProperties[] => [
	...returnAllAndLimitFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Checklist', value: 'checklist' },
					{ name: 'Flow', value: 'flow' },
					{ name: 'Launcher', value: 'launcher' },
				],
				default: 'flow',
				description: 'Only content of this type',
				routing: { send: { type: 'query', property: 'type' } },
			},
		],
	},
	...optionsCollection(version, [contentExpandOption, version === 1 ? v1SortOption('content') : sortOption('content')]),
];

export const getAllDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['content'], operation: ['getAll'] } }, properties(version));
