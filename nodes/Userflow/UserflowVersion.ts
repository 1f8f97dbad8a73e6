import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeBaseDescription,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { listSearch, loadOptions } from './methods';
import { declaredProperties } from './properties';
import type { NodeVersion } from './shared/description/nodeVersion';
import { mergeSharedProperties } from './shared/description/mergeSharedProperties';

/**
 * One version of the Userflow node. Versions are whole node types (n8n's VersionedNodeType)
 * rather than `@version` conditions on one property list: n8n's RoutingNode evaluates every
 * top-level property for every item, shown or not, so a parameter declared once per version
 * would be evaluated once per version (see mergeSharedProperties for why that count matters).
 */
export class UserflowVersion implements INodeType {
	description: INodeTypeDescription;

	methods = { listSearch, loadOptions };

	constructor(baseDescription: INodeTypeBaseDescription, version: NodeVersion) {
		this.description = {
			...baseDescription,
			version,
			subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
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
			properties: mergeSharedProperties(declaredProperties(version)),
		};
	}
}
