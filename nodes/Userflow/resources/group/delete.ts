import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { groupIdLocator } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';

const properties = (version: NodeVersion): INodeProperties[] => [groupIdLocator(), ...optionsCollection(version, [])];

export const groupDeleteDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['group'], operation: ['delete'] } }, properties(version));
