import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { getManyFields, listOptionsFields } from '../../shared/fields/getManyFields';
import { optionsCollection } from '../../shared/fields/optionsCollection';

const properties = (version: NodeVersion): INodeProperties[] => [
	...getManyFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: version === 1 ? 'Add Filter' : 'Add filter',
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
	...optionsCollection(version, listOptionsFields(version)),
];

export const userGetAllDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['user'], operation: ['getAll'] } }, properties(version));
