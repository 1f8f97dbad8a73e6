/**
 * The Userflow node for the Skip Unchanged cases: version 2 (where the option lives), User →
 * Create or Update from the item, with or without Skip Unchanged, optionally Max Requests per
 * Second (in version 2's Options).
 */
import type { NodeSpec } from '../../../test/harness';
import { USERFLOW_CREDENTIAL_REFERENCE } from '../../../test/harness';
import { USERFLOW_NODE_TYPE } from '../variants/userflowNode';

export function userflowSyncNode(skipUnchanged: boolean, maxRequestsPerSecond?: number): Omit<NodeSpec, 'name'> {
	const options: Record<string, unknown> = {};
	if (skipUnchanged) options.skipUnchanged = true;
	if (maxRequestsPerSecond) options.maxRequestsPerSecond = maxRequestsPerSecond;
	return {
		type: USERFLOW_NODE_TYPE,
		typeVersion: 2,
		credentials: USERFLOW_CREDENTIAL_REFERENCE,
		parameters: {
			resource: 'user',
			operation: 'upsert',
			userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			attributeInput: 'json',
			attributesJson: '={{ JSON.stringify($json.attributes) }}',
			options: options as never,
		},
	};
}
