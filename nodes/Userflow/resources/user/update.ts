import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { attributeInputProperties } from '../../shared/attributes/fields';
import { USER_ATTRIBUTES } from '../../shared/attributes/specs';
import type { NodeVersion } from '../../shared/description/nodeVersion';
import { userIdLocator } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';
import { CHECK_NAME_CASE_OPTION } from '../../shared/guards/nameCaseGuard';

const properties = (version: NodeVersion): INodeProperties[] => [
	userIdLocator(),
	...attributeInputProperties(USER_ATTRIBUTES, version),
	...optionsCollection(version, [CHECK_NAME_CASE_OPTION]),
];

export const userUpdateDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['user'], operation: ['update'] } }, properties(version));
