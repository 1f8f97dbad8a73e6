import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { listSearch, loadOptions } from './methods';
import { declaredProperties } from './properties';
import { mergeSharedProperties } from './shared/description/mergeSharedProperties';

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
		// No baseURL here: the request layer sets it from the credential (sendDeclarative), once
		// per request instead of as an expression n8n evaluates twice per item.
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		// One property per shared parameter: n8n evaluates every property for every item.
		properties: mergeSharedProperties(declaredProperties),
	};

	methods = { listSearch, loadOptions };
}
