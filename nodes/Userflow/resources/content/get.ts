import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { contentIdLocator } from '../../shared/fields/locators';
import { contentExpandOption } from './expandOptions';

const properties: INodeProperties[] = [
	contentIdLocator(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [contentExpandOption],
	},
];

export const getDescription = updateDisplayOptions(
	{ show: { resource: ['content'], operation: ['get'] } },
	properties,
);
