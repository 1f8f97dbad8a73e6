/**
 * Workflow JSON as n8n saves and imports it, and the rewrites the suite applies before
 * importing: a fixed id, the imported credential in place of whatever id the file names, and
 * the emulator's address in place of the `__EMULATOR_URL__` token (fixtures only).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
export const EMULATOR_URL_TOKEN = '__EMULATOR_URL__';

export interface WorkflowNode {
	name: string;
	type: string;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id: string | null; name: string }>;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	active?: boolean;
	[key: string]: unknown;
}

export interface ImportedCredential {
	id: string;
	name: string;
	type: string;
}

export function readWorkflow(path: string, emulatorUrl: string): WorkflowJson {
	const text = readFileSync(path, 'utf8').split(EMULATOR_URL_TOKEN).join(emulatorUrl);
	const workflow = JSON.parse(text) as WorkflowJson;
	if (!Array.isArray(workflow.nodes) || typeof workflow.connections !== 'object') {
		throw new Error(`${basename(path)} is not an n8n workflow (no nodes/connections)`);
	}
	return workflow;
}

/** `n8n execute` can only start a workflow at a Manual Trigger. */
export const startsWithManualTrigger = (workflow: WorkflowJson) => workflow.nodes.some((node) => node.type === MANUAL_TRIGGER);

/** A copy ready for `n8n import:workflow`: own id, inactive, every credential of `credential.type` pointing at it. */
export function prepareForImport(workflow: WorkflowJson, id: string, credential: ImportedCredential): WorkflowJson {
	const copy = structuredClone(workflow);
	copy.id = id;
	copy.active = false;
	for (const node of copy.nodes) {
		if (node.credentials?.[credential.type]) node.credentials[credential.type] = { id: credential.id, name: credential.name };
	}
	return copy;
}

/** The node whose output is the workflow's result: the last node (in file order) that feeds no other node. */
export function lastNodeName(workflow: WorkflowJson): string {
	const sources = new Set(Object.keys(workflow.connections));
	const sinks = workflow.nodes.filter((node) => !sources.has(node.name));
	if (sinks.length === 0) throw new Error(`workflow "${workflow.name}" has no last node`);
	return sinks[sinks.length - 1].name;
}

export function writeJson(path: string, value: unknown): string {
	writeFileSync(path, JSON.stringify(value, null, 2));
	return path;
}

/**
 * n8n ids are 16 alphanumerics; a readable prefix plus a counter keeps them valid and
 * recognisable in n8n's logs (e.g. `e2ewf00000000003`).
 */
export function n8nId(prefix: string, n: number): string {
	return `${prefix}${String(n).padStart(16 - prefix.length, '0')}`;
}
