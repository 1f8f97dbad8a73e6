/**
 * Builders for workflow JSON in the exact shape n8n saves, so tests stay short and the
 * examples/ files and the tests read alike.
 */
import type { IConnections, INode, INodeParameters } from 'n8n-workflow';

import { PACKAGE_NAME } from './node-types';
import type { WorkflowJson } from './run-workflow';

export const USERFLOW_NODE_TYPE = `${PACKAGE_NAME}.userflow`;
export const USERFLOW_TRIGGER_NODE_TYPE = `${PACKAGE_NAME}.userflowTrigger`;
export const USERFLOW_CREDENTIAL_REFERENCE = { userflowApi: { id: '1', name: 'Userflow account' } };

/** A node without a position; `workflow()` lays nodes out left to right. */
export type NodeSpec = Omit<INode, 'position' | 'id'> & Partial<Pick<INode, 'position' | 'id'>>;

/** `[from, to]` or `[from, to, outputIndex]` of `from`, by node name. */
export type Link = [from: string, to: string, outputIndex?: number];

/**
 * A workflow from nodes and links. Without links the nodes are chained in the given order,
 * which is what most test workflows are: trigger → step → step.
 */
export function workflow(nodes: NodeSpec[], connections?: IConnections | Link[], name = 'Test workflow'): WorkflowJson {
	const placed: INode[] = nodes.map((node, index) => ({
		...node,
		id: node.id ?? `node-${index + 1}`,
		position: node.position ?? [index * 220, 0],
	}));
	const links: Link[] | undefined = Array.isArray(connections)
		? connections
		: connections
			? undefined
			: placed.slice(1).map((node, index): Link => [placed[index].name, node.name]);
	return {
		name,
		nodes: placed,
		connections: links ? toConnections(links) : (connections as IConnections),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function toConnections(links: Link[]): IConnections {
	const connections: IConnections = {};
	for (const [from, to, outputIndex = 0] of links) {
		const outputs = (connections[from] ??= { main: [] }).main;
		while (outputs.length <= outputIndex) outputs.push([]);
		outputs[outputIndex]!.push({ node: to, type: 'main', index: 0 });
	}
	return connections;
}

export function manualTrigger(name = "When clicking 'Execute workflow'"): NodeSpec {
	return { name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
}

/** A Code node (JavaScript, run once for all items); see the stand-in for what it supports. */
export function codeNode(jsCode: string, name = 'Code'): NodeSpec {
	return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode } };
}

export function noOpNode(name = 'No Operation, do nothing'): NodeSpec {
	return { name, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };
}

/** A Userflow action node with the standard credential reference. */
export function userflowNode(parameters: INodeParameters, name = 'Userflow', extra: Partial<NodeSpec> = {}): NodeSpec {
	return {
		name,
		type: USERFLOW_NODE_TYPE,
		typeVersion: 1,
		parameters,
		credentials: USERFLOW_CREDENTIAL_REFERENCE,
		...extra,
	};
}
