import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { attributeInputProperties } from '../../shared/attributes/fields';
import { GROUP_ATTRIBUTES } from '../../shared/attributes/specs';
import { CHECK_NAME_CASE_OPTION } from '../../shared/guards/nameCaseGuard';
import { SKIP_UNCHANGED_OPTION } from '../../shared/skipUnchanged/option';

const properties: INodeProperties[] = [
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. acme',
		description: 'The group\'s (company\'s) ID in your app',
	},
	...attributeInputProperties(GROUP_ATTRIBUTES),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [CHECK_NAME_CASE_OPTION, SKIP_UNCHANGED_OPTION],
	},
];

export const groupUpsertDescription = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['upsert'] } },
	properties,
);
