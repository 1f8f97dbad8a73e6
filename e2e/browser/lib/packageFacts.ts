/**
 * What the node creator should list for this package, read from the node types n8n itself
 * serves to the editor (`/types/nodes.json`), so the expectations follow the package: a new
 * action, a renamed one, or a new trigger node (the webhook trigger) need no change here.
 */
import type { Page } from 'puppeteer-core';
import { PACKAGE_NAME } from './pageWatch';

export interface PackageFacts {
	/** The action node's display name, "Userflow". */
	actionNode: string;
	/** The node creator's action names, e.g. "Create or update a user". */
	actions: string[];
	/** The trigger merged into the action node's entry ("Userflow Trigger"), with its events. */
	mergedTrigger?: { displayName: string; events: string[] };
	/** Other trigger nodes, listed as their own entries (e.g. a webhook trigger). */
	otherTriggers: string[];
}

interface NodeTypeJson {
	name: string;
	displayName: string;
	version: number | number[];
	group: string[];
	properties: Array<{ name: string; type: string; options?: Array<{ name: string; value?: unknown; action?: string }> }>;
}

/** n8n adds this option to declarative nodes with credentials; the node creator does not list it. */
const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

export async function readPackageFacts(page: Page, expectedNodeCount: number): Promise<PackageFacts> {
	const all = await page.evaluate(async () => {
		const response = await fetch('/types/nodes.json');
		if (!response.ok) throw new Error(`/types/nodes.json answered ${response.status}`);
		return (await response.json()) as unknown;
	});
	// Several versions of one node are listed once each; n8n also generates a "<name>Tool" variant.
	const ours = (all as NodeTypeJson[]).filter((node) => node.name.startsWith(`${PACKAGE_NAME}.`) && !node.name.endsWith('Tool'));
	const byName = new Map<string, NodeTypeJson>();
	for (const node of ours) if (newest(node) >= newest(byName.get(node.name))) byName.set(node.name, node);
	const nodes = [...byName.values()];
	if (nodes.length !== expectedNodeCount) {
		throw new Error(`n8n serves ${nodes.length} node types of ${PACKAGE_NAME} (${nodes.map((n) => n.name).join(', ')}); package.json lists ${expectedNodeCount}`);
	}

	const actionNodes = nodes.filter((node) => !node.group.includes('trigger'));
	if (actionNodes.length !== 1) throw new Error(`expected one action node, n8n serves ${actionNodes.length}`);
	const [actionNode] = actionNodes;
	const actions = actionNode.properties
		.filter((property) => property.name === 'operation' && property.options)
		.flatMap((property) => property.options ?? [])
		.filter((option) => option.value !== CUSTOM_API_CALL && option.action)
		.map((option) => option.action as string);

	const triggers = nodes.filter((node) => node.group.includes('trigger'));
	const merged = triggers.find((node) => node.displayName === `${actionNode.displayName} Trigger`);
	return {
		actionNode: actionNode.displayName,
		actions: [...new Set(actions)],
		mergedTrigger: merged && { displayName: merged.displayName, events: eventNames(merged) },
		otherTriggers: triggers.filter((node) => node !== merged).map((node) => node.displayName),
	};
}

function newest(node: NodeTypeJson | undefined): number {
	if (!node) return -1;
	return Array.isArray(node.version) ? Math.max(...node.version) : node.version;
}

function eventNames(node: NodeTypeJson): string[] {
	const events = node.properties.find((property) => /^events?$/.test(property.name) && property.options);
	return (events?.options ?? []).map((option) => option.name);
}
