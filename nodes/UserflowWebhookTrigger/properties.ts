import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EVENT_NAME_PATTERN } from './eventNames';
import { SPECIFIC_EVENTS, UPDATE_TOPICS } from './events';

const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Any Event Tracked',
		value: 'event.tracked',
		description: 'Every event tracked in Userflow: by your app, or by Userflow itself (flows, checklists, surveys)',
	},
	{ name: 'Group Created', value: 'group.created', description: 'A group (company) was created' },
	{ name: 'Group Updated', value: 'group.updated', description: 'Attributes of a group (company) changed' },
	{
		name: 'Specific Events',
		value: SPECIFIC_EVENTS,
		description: 'Only the tracked events named below, such as flow_completed or question_answered',
	},
	{ name: 'User Created', value: 'user.created', description: 'A user was created' },
	{ name: 'User Updated', value: 'user.updated', description: 'Attributes of a user changed' },
];

/** The node's subtitle on the canvas: the chosen events by their names, not their topic values. */
export const EVENTS_SUBTITLE = `={{ ($parameter["events"] || []).map((event) => (${JSON.stringify(
	Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name])),
)})[event] || event).join(", ") }}`;

export const webhookTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		description: 'What starts the workflow. Userflow is asked for exactly these notifications, nothing more.',
		options: EVENT_OPTIONS,
	},
	{
		displayName: 'Specific Events',
		name: 'specificEvents',
		type: 'fixedCollection',
		placeholder: 'Add Event',
		default: {},
		typeOptions: { multipleValues: true },
		displayOptions: { show: { events: [SPECIFIC_EVENTS] } },
		description: 'The tracked events that start the workflow. Names are case-sensitive.',
		options: [
			{
				displayName: 'Event',
				name: 'event',
				values: [
					{
						displayName: 'Event Name',
						name: 'eventName',
						type: 'resourceLocator',
						default: { mode: 'list', value: '' },
						required: true,
						modes: [
							{
								displayName: 'From List',
								name: 'list',
								type: 'list',
								typeOptions: { searchListMethod: 'searchEventNames', searchable: true },
							},
							{
								displayName: 'By Name',
								name: 'name',
								type: 'string',
								placeholder: 'e.g. question_answered',
								validation: [
									{
										type: 'regex',
										properties: {
											regex: EVENT_NAME_PATTERN,
											errorMessage: 'Event names have no spaces or dots, e.g. question_answered',
										},
									},
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Only When These Attributes Changed',
		name: 'changedAttributes',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getChangedAttributeNames' },
		default: [],
		displayOptions: { show: { events: [...UPDATE_TOPICS] } },
		description:
			'For User Updated and Group Updated: start the workflow only when Userflow reports one of these attributes as changed. Empty: every update. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the user, group or event as a flat record (attributes beside the ID) with the topic and notification ID, instead of the notification exactly as Userflow sent it',
	},
];
