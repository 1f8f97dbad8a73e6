import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { contentIdLocator } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';
import { contentExpandOption } from './expandOptions';

const properties = (version: NodeVersion): INodeProperties[] => [
	contentIdLocator(),
	...optionsCollection(version, [contentExpandOption]),
];

export const getDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['content'], operation: ['get'] } }, properties(version));
