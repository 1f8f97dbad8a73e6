import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { attributeInputProperties } from '../../shared/attributes/fields';
import { MEMBERSHIP_ATTRIBUTES, RELATED_GROUP_ATTRIBUTES, USER_ATTRIBUTES } from '../../shared/attributes/specs';
import { CHECK_NAME_CASE_OPTION } from '../../shared/guards/nameCaseGuard';
import { SKIP_UNCHANGED_OPTION } from '../../shared/skipUnchanged/option';

const withGroup = { show: { addToGroup: [true] } };

const properties: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. u_42',
		description: 'The user\'s ID in your app: the one passed to userflow.identify()',
	},
	...attributeInputProperties(USER_ATTRIBUTES),
	{
		displayName: 'Add to Group',
		name: 'addToGroup',
		type: 'boolean',
		default: false,
		description: 'Whether to also add the user to a group (company), creating or updating the group in the same request',
	},
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. acme',
		description: 'The group\'s (company\'s) ID in your app',
		displayOptions: withGroup,
	},
	...updateDisplayOptions(withGroup, attributeInputProperties(RELATED_GROUP_ATTRIBUTES)),
	...updateDisplayOptions(withGroup, attributeInputProperties(MEMBERSHIP_ATTRIBUTES)),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			CHECK_NAME_CASE_OPTION,
			{
				displayName: 'Remove From Other Groups',
				name: 'removeFromOtherGroups',
				type: 'boolean',
				default: false,
				description:
					'Whether to remove the user from every group but this one (with Add to Group). The other groups themselves stay.',
			},
			SKIP_UNCHANGED_OPTION,
		],
	},
];

export const userUpsertDescription = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['upsert'] } },
	properties,
);
