import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields } from '../../shared/fields/getManyFields';

const properties: INodeProperties[] = [
	...returnAllAndLimitFields,
];

export const getAllDescription = updateDisplayOptions(
	{ show: { resource: ['eventDefinition'], operation: ['getAll'] } },
	properties,
);
