import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { returnAllAndLimitFields } from '../../shared/fields/getManyFields';
import { sortOption, v1SortOption } from '../../shared/fields/listOrder';
import { contentIdLocator, userIdLocator } from '../../shared/fields/locators';
import { optionsCollection } from '../../shared/fields/optionsCollection';
import { requireContentId } from '../../shared/hooks/idInPath';

/** Related objects to include in each session. */
const expandOption: INodeProperties = {
	displayName: 'Include',
	name: 'expand',
	type: 'multiOptions',
	options: [
		{ name: 'Answers', value: 'answers' },
		{ name: 'Content', value: 'content' },
		{ name: 'Group', value: 'group' },
		{ name: 'Version', value: 'version' },
	],
	default: [],
	description: 'Related objects to include in each session',
	routing: { send: { type: 'query', property: 'expand' } },
};

const properties = (version: NodeVersion): INodeProperties[] => [
	contentIdLocator({
		description: 'The flow or checklist whose sessions to list',
		routing: {
			send: { type: 'query', property: 'content_id', preSend: [requireContentId] },
		},
	}),
	...returnAllAndLimitFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			userIdLocator({
				required: false,
				description: 'Only the sessions of this user',
				// A blank user sends no filter rather than `user_id=`.
				routing: { send: { type: 'query', property: 'user_id', value: '={{ String($value ?? "").trim() || undefined }}' } },
			}),
		],
	},
	...optionsCollection(version, [expandOption, version === 1 ? v1SortOption('contentSessions') : sortOption('contentSessions')]),
];

export const getAllDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['contentSession'], operation: ['getAll'] } }, properties(version));
