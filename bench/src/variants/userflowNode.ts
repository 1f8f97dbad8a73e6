/**
 * This package's Userflow node as a user configures it: User → Upsert with the id and
 * attributes taken from the incoming item, or User → Get Many with Return All.
 * Parameter names follow nodes/Userflow/resources/user; keep them in step with it.
 */
import type { INodeParameters } from 'n8n-workflow';

import { USERFLOW_CREDENTIAL_REFERENCE, type HarnessCredentials, type NodeSpec } from '../../../test/harness';

export const USERFLOW_NODE_TYPE = 'n8n-nodes-userflow.userflow';

export function userflowCredentials(baseUrl: string, apiKey: string): HarnessCredentials {
	return { userflowApi: { apiKey, baseUrl } };
}

function userflowNode(parameters: INodeParameters): Omit<NodeSpec, 'name'> {
	return { type: USERFLOW_NODE_TYPE, typeVersion: 1, parameters, credentials: USERFLOW_CREDENTIAL_REFERENCE };
}

/** `maxRequestsPerSecond` set: Rate Limit Handling → Max Requests per Second. */
export function userflowUpsertNode(maxRequestsPerSecond?: number): Omit<NodeSpec, 'name'> {
	return userflowNode({
		resource: 'user',
		operation: 'upsert',
		userId: '={{ $json.id }}',
		attributeInput: 'json',
		attributesJson: '={{ JSON.stringify($json.attributes) }}',
		...(maxRequestsPerSecond ? { rateLimitHandling: { maxRequestsPerSecond } } : {}),
	});
}

export function userflowGetAllUsersNode(): Omit<NodeSpec, 'name'> {
	return userflowNode({ resource: 'user', operation: 'getAll', returnAll: true });
}
