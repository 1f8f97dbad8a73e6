import { NodeHelpers, Workflow, type INode, type INodeParameters, type INodeType, type INodeTypeDescription, type INodeTypes } from 'n8n-workflow';

import { Userflow } from '../../../../nodes/Userflow/Userflow.node';
import { TOOL_DESCRIPTIONS } from '../../../../nodes/Userflow/toolDescriptions';

const node = new Userflow();
const descriptionOf = (version: number) => NodeHelpers.getVersionedNodeType(node, version).description;

/**
 * The parts of the Userflow Tool n8n generates (n8n's convertNodeToAiTool, in the n8n CLI
 * package, not a dependency here) that decide its description: the name ends in `Tool` (what
 * `@tool` conditions test) and, only for a node without a `toolDescription` parameter, n8n's
 * own Tool Description switch. The e2e suite checks the real converter (aiAgent scenario).
 */
function asTool(description: INodeTypeDescription): INodeTypeDescription {
	return { ...description, name: `${description.name}Tool` };
}

/** The tool node as n8n's engine holds it: saved parameters plus the defaults of shown fields. */
function toolNode(description: INodeTypeDescription, parameters: INodeParameters): INode {
	const saved: INode = {
		id: 'tool',
		name: 'Userflow Tool',
		type: `n8n-nodes-userflow.${description.name}`,
		typeVersion: description.version as number,
		position: [0, 0],
		parameters,
	};
	return { ...saved, parameters: NodeHelpers.getNodeParameters(description.properties, parameters, true, false, saved, description)! };
}

/**
 * What n8n tells the agent: its getToolDescriptionForNode, with the expression resolver n8n-core
 * gives it (getNodeParameter of `toolDescription`), here the engine's own expression evaluation
 * over the node as a workflow holds it.
 */
function toolDescriptionFor(description: INodeTypeDescription, parameters: INodeParameters): string {
	const nodeType: INodeType = { description };
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const [saved] = [toolNode(description, parameters)].map((node) => ({ ...node, parameters }));
	const workflow = new Workflow({ nodes: [saved], connections: {}, active: false, nodeTypes });
	const node = workflow.getNode(saved.name)!;
	const resolve = () =>
		workflow.expression.getSimpleParameterValue(node, node.parameters.toolDescription as string, 'manual', {}) as string;
	return NodeHelpers.getToolDescriptionForNode(node, nodeType, resolve);
}

function operationsOf(description: INodeTypeDescription): Array<[string, string]> {
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.displayOptions!.show!.resource as string[]).flatMap((resource) =>
				(property.options as Array<{ value: string }>).map((option): [string, string] => [resource, option.value]),
			),
		);
}

describe('Userflow Tool descriptions (version 2)', () => {
	const tool = asTool(descriptionOf(2));

	it('has one text for every operation, and none for an operation the node does not have', () => {
		const operations = operationsOf(descriptionOf(2)).map(([resource, operation]) => `${resource}.${operation}`);
		const described = Object.entries(TOOL_DESCRIPTIONS).flatMap(([resource, ops]) => Object.keys(ops).map((op) => `${resource}.${op}`));
		expect(described.sort()).toEqual(operations.sort());
	});

	it.each(operationsOf(descriptionOf(2)))("tells the agent about %s %s (n8n's getToolDescriptionForNode)", (resource, operation) => {
		expect(toolDescriptionFor(tool, { resource, operation })).toBe(TOOL_DESCRIPTIONS[resource][operation]);
	});

	it('says what is safe to repeat where it matters', () => {
		const describe = (resource: string, operation: string) => toolDescriptionFor(tool, { resource, operation });
		expect(describe('user', 'upsert')).toMatch(/safe to repeat/i);
		expect(describe('event', 'track')).toMatch(/never call it again to retry/i);
		expect(describe('user', 'delete')).toMatch(/only when the user explicitly asks/i);
		expect(describe('group', 'getAll')).toMatch(/at most Limit records/i);
	});

	it("keeps a description the builder typed, as n8n's Set Manually did", () => {
		const parameters = { resource: 'event', operation: 'track', descriptionType: 'manual', toolDescription: 'Track signups only' };
		expect(toolDescriptionFor(tool, parameters)).toBe('Track signups only');
	});

	it('follows the operation: a node switched from Delete to Create or Update describes Create or Update', () => {
		// What the editor holds after the switch: every shown parameter, defaults included, of the old operation.
		const before = toolNode(tool, { resource: 'user', operation: 'delete' }).parameters;
		expect(toolDescriptionFor(tool, { ...before, operation: 'upsert' })).toBe(TOOL_DESCRIPTIONS.user.upsert);
	});

	it('shows the Description only on the tool, not on the Userflow node', () => {
		expect(toolNode(descriptionOf(2), { resource: 'user', operation: 'upsert' }).parameters).not.toHaveProperty('toolDescription');
		expect(toolNode(tool, { resource: 'user', operation: 'upsert' }).parameters).toHaveProperty('toolDescription');
	});

	it('leaves version 1 to n8n: no Description of its own, so n8n adds its Set Automatically switch', () => {
		expect(descriptionOf(1).properties.some((property) => property.name === 'toolDescription')).toBe(false);
	});
});
