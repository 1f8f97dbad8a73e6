import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { getManyFields, listOptionsFields } from '../../shared/fields/getManyFields';

const properties: INodeProperties[] = [
	...getManyFields(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: listOptionsFields(),
	},
];

export const groupGetAllDescription = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['getAll'] } },
	properties,
);
