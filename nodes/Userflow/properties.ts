import type { INodeProperties } from 'n8n-workflow';

import { attributeDefinitionDescription } from './resources/attributeDefinition';
import { contentDescription } from './resources/content';
import { contentSessionDescription } from './resources/contentSession';
import { eventDescription } from './resources/event';
import { eventDefinitionDescription } from './resources/eventDefinition';
import { groupDescription } from './resources/group';
import { membershipDescription } from './resources/membership';
import { userDescription } from './resources/user';
import type { NodeVersion } from './shared/description/nodeVersion';
import { toolDescriptionFields } from './shared/fields/toolDescription';
import { pacingPropertyV1 } from './shared/transport/pacingOptions';

/**
 * The node's parameters as each operation file declares them for one version: the Resource
 * selector, then every resource's Operation selector and fields. The version classes merge
 * shared copies (mergeSharedProperties). Version 1 ends with its separate "Rate Limit
 * Handling" collection; version 2 holds those settings in each operation's Options.
 */
export function declaredProperties(version: NodeVersion): INodeProperties[] {
	return [
		// Version 2 only (version 1 keeps n8n's own Tool Description switch): first, where n8n
		// puts a tool's description.
		...(version === 1 ? [] : toolDescriptionFields()),
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
		...attributeDefinitionDescription(version),
		...contentDescription(version),
		...contentSessionDescription(version),
		...eventDescription(version),
		...eventDefinitionDescription(version),
		...groupDescription(version),
		...membershipDescription(version),
		...userDescription(version),
		...(version === 1 ? [pacingPropertyV1] : []),
	];
}
