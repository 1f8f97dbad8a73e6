import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { attributeInputProperties } from '../../shared/attributes/fields';
import { EVENT_ATTRIBUTES } from '../../shared/attributes/specs';
import type { NodeVersion } from '../../shared/description/nodeVersion';
import { eventNameField } from '../../shared/fields/eventName';
import { possiblyNewGroupId, possiblyNewUserId } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';
import { CHECK_NAME_CASE_OPTION } from '../../shared/guards/nameCaseGuard';

const USER_DESCRIPTION = 'The user the event is about. Give a user ID, a group ID, or both.';
const GROUP_DESCRIPTION = 'The group (company) the event is about. Give a user ID, a group ID, or both.';

/** Version 1's plain text IDs (version 2: the locators every other operation has). */
const textIds: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		placeholder: 'e.g. u_42',
		description: USER_DESCRIPTION,
	},
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		placeholder: 'e.g. acme',
		description: GROUP_DESCRIPTION,
	},
];

const properties = (version: NodeVersion): INodeProperties[] => [
	eventNameField(version),
	...(version === 1
		? textIds
		: [
				possiblyNewUserId(version, { required: false, description: USER_DESCRIPTION }),
				possiblyNewGroupId(version, { required: false, description: GROUP_DESCRIPTION }),
			]),
	...attributeInputProperties(EVENT_ATTRIBUTES, version),
	...optionsCollection(version, [
		CHECK_NAME_CASE_OPTION,
		{
			displayName: 'Time',
			name: 'time',
			type: 'dateTime',
			default: '',
			description: 'When the event happened, to backdate it; empty means now',
		},
	]),
];

export const eventTrackDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['event'], operation: ['track'] } }, properties(version));
