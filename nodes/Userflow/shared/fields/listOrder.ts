import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../description/nodeVersion';

/**
 * The order of every version 2 Get Many. The Sort By option shows its default, and the
 * operation sends that same order when the option is not added (its routing puts
 * `order_by` in the query; the option, when added, overrides it): the order shown is the
 * order used, whatever Userflow's own default is. Version 1 sends `order_by` only when the
 * option is added. Defaults are literals (n8n's lint); the operations read them from here.
 */
const sendOrder = { send: { type: 'query' as const, property: 'order_by' } };

const CREATED_ORDERS = [
	{ name: 'Created At, Newest First', value: '-created_at' },
	{ name: 'Created At, Oldest First', value: 'created_at' },
];
const CONTENT_ORDERS = [...CREATED_ORDERS, { name: 'Name, A to Z', value: 'name' }, { name: 'Name, Z to A', value: '-name' }];
const SESSION_ORDERS = [
	...CREATED_ORDERS,
	{ name: 'Last Activity, Most Recent First', value: '-last_activity_at' },
	{ name: 'Last Activity, Oldest First', value: 'last_activity_at' },
];

const SORT_OPTIONS = {
	// Users and groups: the newest records are the ones a capped list is usually read for.
	usersOrGroups: {
		displayName: 'Sort By',
		name: 'orderBy',
		type: 'options',
		options: CREATED_ORDERS,
		default: '-created_at',
		description: 'Order in which Userflow returns the records (newest first when not set)',
		routing: sendOrder,
	},
	// Content: few records, read by people; by name, as the content list search shows them.
	content: {
		displayName: 'Sort By',
		name: 'orderBy',
		type: 'options',
		options: CONTENT_ORDERS,
		default: 'name',
		description: 'Order in which Userflow returns the content (by name, A to Z, when not set)',
		routing: sendOrder,
	},
	contentSessions: {
		displayName: 'Sort By',
		name: 'orderBy',
		type: 'options',
		options: SESSION_ORDERS,
		default: '-created_at',
		description: 'Order in which Userflow returns the sessions (newest first when not set)',
		routing: sendOrder,
	},
} satisfies Record<string, INodeProperties>;

export type OrderedList = keyof typeof SORT_OPTIONS;

export function sortOption(list: OrderedList): INodeProperties {
	return SORT_OPTIONS[list];
}

/**
 * Version 1's Sort By of content and sessions, as 0.1.0 shipped it: it shows "Oldest First"
 * but is sent only when added (otherwise Userflow's own order applies).
 */
export function v1SortOption(list: 'content' | 'contentSessions'): INodeProperties {
	return {
		displayName: 'Sort By',
		name: 'orderBy',
		type: 'options',
		options: list === 'content' ? CONTENT_ORDERS : SESSION_ORDERS,
		default: 'created_at',
		description: list === 'content' ? 'Order in which Userflow returns the content' : 'Order in which Userflow returns the sessions',
		routing: sendOrder,
	};
}

/** The query a version 2 Get Many always sends, so the default order is the one shown. */
export function defaultOrderQuery(version: NodeVersion, list: OrderedList): { qs?: { order_by: string } } {
	return version === 1 ? {} : { qs: { order_by: SORT_OPTIONS[list].default } };
}
