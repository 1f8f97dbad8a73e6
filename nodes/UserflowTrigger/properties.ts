import type { INodeProperties } from 'n8n-workflow';

import { contentIdLocator } from '../Userflow/shared/fields/locators';
import { rateLimitOptions } from '../Userflow/shared/fields/rateLimitOptions';
import { pacingProperty } from '../Userflow/shared/transport/pacingOptions';

export const DEFAULT_MAX_PAGES = 10;

const maxPagesPerPoll: INodeProperties = {
	displayName: 'Max Pages per Poll',
	name: 'maxPagesPerPoll',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_MAX_PAGES,
	description:
		'At most this many list requests (100 records each) per poll. A larger backlog is worked through over the next polls, oldest first, without loss.',
};

const byDisplayName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName, 'en');

/** One "Options" collection; each version shows its own (triggerOptions.ts reads both). */
function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options };
}

const sessionEvents = ['newContentSession', 'completedContentSession'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		default: 'newUser',
		options: [
			{
				name: 'Content Session Completed',
				value: 'completedContentSession',
				description: 'A user completed a flow or checklist',
			},
			{
				name: 'Content Session Started',
				value: 'newContentSession',
				description: 'A user started a flow or checklist',
			},
			{
				name: 'New Group',
				value: 'newGroup',
				description: 'A group (company) was created in Userflow',
			},
			{
				name: 'New User',
				value: 'newUser',
				description: 'A user was created in Userflow',
			},
		],
	},
	{
		displayName: 'Limit To',
		name: 'limitTo',
		type: 'options',
		noDataExpression: true,
		default: 'all',
		displayOptions: { show: { event: sessionEvents } },
		options: [
			{ name: 'All Content', value: 'all' },
			{ name: 'One Content', value: 'content', description: 'Only sessions of one flow or checklist' },
			{ name: 'One Content Type', value: 'contentType', description: 'Only flows, or only checklists' },
		],
	},
	{
		...contentIdLocator({ displayOptions: { show: { event: sessionEvents, limitTo: ['content'] } } }),
		description: 'The flow or checklist whose sessions trigger the workflow',
	},
	{
		displayName: 'Content Type',
		name: 'contentType',
		type: 'options',
		default: 'flow',
		displayOptions: { show: { event: sessionEvents, limitTo: ['contentType'] } },
		options: [
			{ name: 'Checklist', value: 'checklist' },
			{ name: 'Flow', value: 'flow' },
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a flat version of each record instead of the raw Userflow object',
	},
	// Version 1 (saved workflows): its Options, then the rate limit settings in a second box.
	{ ...optionsCollection([maxPagesPerPoll]), displayOptions: { show: { '@version': [1] } } },
	{ ...pacingProperty, displayOptions: { show: { '@version': [1] } } },
	// Version 1.1 on: one Options box, the rate limit settings named and ordered as in the Userflow node v2.
	{
		...optionsCollection([maxPagesPerPoll, ...rateLimitOptions].sort(byDisplayName)),
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
	},
];
