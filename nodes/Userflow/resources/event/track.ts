import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { attributeInputProperties } from '../../shared/attributes/fields';
import { EVENT_ATTRIBUTES } from '../../shared/attributes/specs';
import { CHECK_NAME_CASE_OPTION } from '../../shared/guards/nameCaseGuard';

const properties: INodeProperties[] = [
	{
		displayName: 'Event Name',
		name: 'eventName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. feature_activated',
		description:
			'Case-sensitive: it must match the name your flows\' triggers wait for exactly. snake_case is the convention.',
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		placeholder: 'e.g. u_42',
		description: 'The user the event is about. Give a user ID, a group ID, or both.',
	},
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		placeholder: 'e.g. acme',
		description: 'The group (company) the event is about. Give a user ID, a group ID, or both.',
	},
	...attributeInputProperties(EVENT_ATTRIBUTES),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			CHECK_NAME_CASE_OPTION,
			{
				displayName: 'Time',
				name: 'time',
				type: 'dateTime',
				default: '',
				description: 'When the event happened, to backdate it; empty means now',
			},
		],
	},
];

export const eventTrackDescription = updateDisplayOptions(
	{ show: { resource: ['event'], operation: ['track'] } },
	properties,
);
