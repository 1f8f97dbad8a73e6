/** The Userflow node set up for a recurring sync: User → Create or Update from the item, Skip Unchanged on. */
import type { NodeSpec } from '../../../test/harness';
import { userflowUpsertNode } from '../variants/userflowNode';

export function userflowSkipUnchangedNode(maxRequestsPerSecond?: number): Omit<NodeSpec, 'name'> {
	const node = userflowUpsertNode(maxRequestsPerSecond);
	return { ...node, parameters: { ...node.parameters, options: { skipUnchanged: true } } };
}
