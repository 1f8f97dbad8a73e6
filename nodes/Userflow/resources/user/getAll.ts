import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { getManyFields, listOptionsFields } from '../../shared/fields/getManyFields';

const properties: INodeProperties[] = [
	...getManyFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only users with exactly this email attribute',
				routing: { send: { type: 'query', property: 'email', value: '={{ $value || undefined }}' } },
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: listOptionsFields(),
	},
];

export const userGetAllDescription = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['getAll'] } },
	properties,
);
