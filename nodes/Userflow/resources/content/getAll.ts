import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { returnAllAndLimitFields } from '../../shared/fields/getManyFields';
import { sortOption } from '../../shared/fields/listOrder';
import { optionsCollection } from '../../shared/fields/optionsCollection';

import { contentExpandOption } from './expandOptions';

/** Version 1's Sort By: sent only when added (then Userflow's own order applies). */
const v1SortBy: INodeProperties = {
	displayName: 'Sort By',
	name: 'orderBy',
	type: 'options',
	options: [
		{ name: 'Created At, Newest First', value: '-created_at' },
		{ name: 'Created At, Oldest First', value: 'created_at' },
		{ name: 'Name, A to Z', value: 'name' },
		{ name: 'Name, Z to A', value: '-name' },
	],
	default: 'created_at',
	description: 'Order in which Userflow returns the content',
	routing: { send: { type: 'query', property: 'order_by' } },
};

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
	...optionsCollection(version, [contentExpandOption, version === 1 ? v1SortBy : sortOption('content')]),
];

export const getAllDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['content'], operation: ['getAll'] } }, properties(version));
