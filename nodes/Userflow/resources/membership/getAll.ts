import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { getManyFields } from '../../shared/fields/getManyFields';
import { userIdLocator } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';
import { selectedFieldsOption } from '../../shared/output/outputShape';

const properties = (version: NodeVersion): INodeProperties[] => [
	userIdLocator(),
	...getManyFields(),
	...optionsCollection(version, version === 1 ? [] : [selectedFieldsOption]),
];

export const membershipGetAllDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['membership'], operation: ['getAll'] } }, properties(version));
