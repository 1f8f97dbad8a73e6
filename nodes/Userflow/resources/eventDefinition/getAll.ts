import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { returnAllAndLimitFields } from '../../shared/fields/getManyFields';
import { optionsCollection } from '../../shared/fields/optionsCollection';

const properties = (version: NodeVersion): INodeProperties[] => [
	...returnAllAndLimitFields,
	...optionsCollection(version, []),
];

export const getAllDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['eventDefinition'], operation: ['getAll'] } }, properties(version));
