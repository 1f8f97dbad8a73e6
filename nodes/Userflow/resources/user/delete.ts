import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { userIdLocator } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';

const properties = (version: NodeVersion): INodeProperties[] => [userIdLocator(), ...optionsCollection(version, [])];

export const userDeleteDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['user'], operation: ['delete'] } }, properties(version));
