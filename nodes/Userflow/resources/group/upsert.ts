import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { attributeInputProperties } from '../../shared/attributes/fields';
import { GROUP_ATTRIBUTES } from '../../shared/attributes/specs';
import type { NodeVersion } from '../../shared/description/nodeVersion';
import { possiblyNewGroupId } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';
import { CHECK_NAME_CASE_OPTION } from '../../shared/guards/nameCaseGuard';
import { SKIP_UNCHANGED_OPTION } from '../../shared/skipUnchanged/option';

const properties = (version: NodeVersion): INodeProperties[] => [
	possiblyNewGroupId(version),
	...attributeInputProperties(GROUP_ATTRIBUTES, version),
	...optionsCollection(version, version === 1 ? [CHECK_NAME_CASE_OPTION] : [CHECK_NAME_CASE_OPTION, SKIP_UNCHANGED_OPTION]),
];

export const groupUpsertDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['group'], operation: ['upsert'] } }, properties(version));
