import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { listSearch, loadOptions } from './methods';
import { attributeDefinitionDescription } from './resources/attributeDefinition';
import { contentDescription } from './resources/content';
import { contentSessionDescription } from './resources/contentSession';
import { eventDescription } from './resources/event';
import { eventDefinitionDescription } from './resources/eventDefinition';
import { groupDescription } from './resources/group';
import { membershipDescription } from './resources/membership';
import { userDescription } from './resources/user';
import { BASE_URL_EXPRESSION } from './shared/transport/baseUrl';
import { pacingProperty } from './shared/transport/pacingOptions';

export class Userflow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Userflow',
		name: 'userflow',
		icon: { light: 'file:../../icons/userflow.svg', dark: 'file:../../icons/userflow.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Sync users, groups and memberships to Userflow and track events',
		defaults: { name: 'Userflow' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'userflowApi', required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		properties: [
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
		],
	};

	methods = { listSearch, loadOptions };
}
