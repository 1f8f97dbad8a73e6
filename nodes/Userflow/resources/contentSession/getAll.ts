import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { returnAllAndLimitFields } from '../../shared/fields/getManyFields';
import { sortOption } from '../../shared/fields/listOrder';
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

/** Version 1's Sort By: sent only when added (then Userflow's own order applies). */
const v1SortBy: INodeProperties = {
	displayName: 'Sort By',
	name: 'orderBy',
	type: 'options',
	options: [
		{ name: 'Created At, Newest First', value: '-created_at' },
		{ name: 'Created At, Oldest First', value: 'created_at' },
		{ name: 'Last Activity, Most Recent First', value: '-last_activity_at' },
		{ name: 'Last Activity, Oldest First', value: 'last_activity_at' },
	],
	default: 'created_at',
	description: 'Order in which Userflow returns the sessions',
	routing: { send: { type: 'query', property: 'order_by' } },
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
	...optionsCollection(version, [expandOption, version === 1 ? v1SortBy : sortOption('contentSessions')]),
];

export const getAllDescription = (version: NodeVersion) =>
	updateDisplayOptions({ show: { resource: ['contentSession'], operation: ['getAll'] } }, properties(version));
