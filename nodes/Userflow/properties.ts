import type { INodeProperties } from 'n8n-workflow';

import { attributeDefinitionDescription } from './resources/attributeDefinition';
import { contentDescription } from './resources/content';
import { contentSessionDescription } from './resources/contentSession';
import { eventDescription } from './resources/event';
import { eventDefinitionDescription } from './resources/eventDefinition';
import { groupDescription } from './resources/group';
import { membershipDescription } from './resources/membership';
import { userDescription } from './resources/user';
import { pacingProperty } from './shared/transport/pacingOptions';

/**
 * The node's parameters as each operation file declares them: the Resource selector, then
 * every resource's Operation selector and fields. Userflow.node.ts merges shared copies.
 */
export const declaredProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Attribute Definition', value: 'attributeDefinition' },
			{ name: 'Content', value: 'content' },
			{ name: 'Content Session', value: 'contentSession' },
			{ name: 'Event', value: 'event' },
			{ name: 'Event Definition', value: 'eventDefinition' },
			{ name: 'Group', value: 'group' },
			{ name: 'Membership', value: 'membership' },
			{ name: 'User', value: 'user' },
		],
		default: 'user',
	},
	...attributeDefinitionDescription,
	...contentDescription,
	...contentSessionDescription,
	...eventDescription,
	...eventDefinitionDescription,
	...groupDescription,
	...membershipDescription,
	...userDescription,
	pacingProperty,
];
