import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { getManyFields, listOptionsFields } from '../../shared/fields/getManyFields';
import { optionsCollection } from '../../shared/fields/optionsCollection';

const properties = (version: NodeVersion): INodeProperties[] => [
	...getManyFields(),
	...optionsCollection(version, listOptionsFields(version)),
];

export const groupGetAllDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['group'], operation: ['getAll'] } }, properties(version));
