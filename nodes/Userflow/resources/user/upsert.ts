import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { attributeInputProperties } from '../../shared/attributes/fields';
import { MEMBERSHIP_ATTRIBUTES, RELATED_GROUP_ATTRIBUTES, USER_ATTRIBUTES } from '../../shared/attributes/specs';
import type { NodeVersion } from '../../shared/description/nodeVersion';
import { possiblyNewGroupId, possiblyNewUserId } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';
import { CHECK_NAME_CASE_OPTION } from '../../shared/guards/nameCaseGuard';
import { SKIP_UNCHANGED_OPTION } from '../../shared/skipUnchanged/option';

const withGroup = { show: { addToGroup: [true] } };

const properties = (version: NodeVersion): INodeProperties[] => [
	possiblyNewUserId(version),
	...attributeInputProperties(USER_ATTRIBUTES, version),
	{
		displayName: 'Add to Group',
		name: 'addToGroup',
		type: 'boolean',
		default: false,
		description: 'Whether to also add the user to a group (company), creating or updating the group in the same request',
	},
	possiblyNewGroupId(version, { displayOptions: withGroup }),
	...updateDisplayOptions(withGroup, attributeInputProperties(RELATED_GROUP_ATTRIBUTES, version)),
	...updateDisplayOptions(withGroup, attributeInputProperties(MEMBERSHIP_ATTRIBUTES, version)),
	...optionsCollection(version, [
		CHECK_NAME_CASE_OPTION,
		{
			displayName: 'Remove From Other Groups',
			name: 'removeFromOtherGroups',
			type: 'boolean',
			default: false,
			description:
				'Whether to remove the user from every group but this one (with Add to Group). The other groups themselves stay.',
		},
		// A version 2 option: version 1 stays as 0.1.0 shipped it.
		...(version === 1 ? [] : [SKIP_UNCHANGED_OPTION]),
	]),
];

export const userUpsertDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['user'], operation: ['upsert'] } }, properties(version));
