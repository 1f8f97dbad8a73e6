import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields } from '../../shared/fields/getManyFields';

import { contentExpandOption } from './expandOptions';

const properties: INodeProperties[] = [
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			contentExpandOption,
			{
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
			},
		],
	},
];

export const getAllDescription = updateDisplayOptions(
	{ show: { resource: ['content'], operation: ['getAll'] } },
	properties,
);
