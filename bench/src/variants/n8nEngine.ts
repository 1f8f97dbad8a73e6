/**
 * Runs a workflow through n8n's real engine (n8n-core's WorkflowExecute) via the project's
 * test harness, with n8n's own Manual Trigger and HTTP Request nodes from n8n-nodes-base.
 * Input items are pinned on the Manual Trigger, as when a user pins test data in the editor.
 */
import type { IDataObject, INodeExecutionData, INodeParameters, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { loadPackageNodeTypes, runWorkflow, type HarnessCredentials, type NodeSpec, type WorkflowJson, type WorkflowRunResult, workflow } from '../../../test/harness';

export const TRIGGER_NAME = 'Manual Trigger';
export const ACTION_NAME = 'Action';

type AnyNodeType = INodeType | IVersionedNodeType;

/** Only the two node files, not n8n-nodes-base's index (hundreds of nodes). */
function n8nBaseNodeTypes(withHttpRequest: boolean): Record<string, AnyNodeType> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { ManualTrigger } = require('n8n-nodes-base/dist/nodes/ManualTrigger/ManualTrigger.node.js') as {
		ManualTrigger: new () => INodeType;
	};
	const types: Record<string, AnyNodeType> = { 'n8n-nodes-base.manualTrigger': new ManualTrigger() };
	if (withHttpRequest) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { HttpRequest } = require('n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js') as {
			HttpRequest: new () => IVersionedNodeType;
		};
		types['n8n-nodes-base.httpRequest'] = new HttpRequest();
	}
	return types;
}

let cachedTypes: Record<string, AnyNodeType> | undefined;

/**
 * Loads (and, for TypeScript, compiles) every node type before the clock starts, so wall
 * and CPU times measure running, not loading. Returns why this package's node could not
 * be loaded, if it could not.
 */
export function preloadNodeTypes(): string | undefined {
	cachedTypes ??= n8nBaseNodeTypes(true);
	const unavailable = loadPackageNodeTypes().unavailable['n8n-nodes-userflow.userflow'];
	return unavailable;
}

export interface ActionRun {
	result: WorkflowRunResult;
	wallMs: number;
	/** Items the action node returned; empty when it failed. */
	output: INodeExecutionData[];
}

/** Manual Trigger (pinned `items`) → `action`. */
export async function runAction(
	action: Omit<NodeSpec, 'name'>,
	items: IDataObject[],
	credentials: HarnessCredentials = {},
): Promise<ActionRun> {
	cachedTypes ??= n8nBaseNodeTypes(true);
	const json: WorkflowJson = workflow([
		{ name: TRIGGER_NAME, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
		{ ...action, name: ACTION_NAME },
	]);
	const pinData = { [TRIGGER_NAME]: items.map((item) => ({ json: item })) };
	const startedAt = performance.now();
	const result = await runWorkflow(json, { credentials, nodeTypes: cachedTypes, pinData });
	const wallMs = performance.now() - startedAt;
	const runs = result.runData[ACTION_NAME];
	const output = runs?.[runs.length - 1]?.data?.main?.[0] ?? [];
	return { result, wallMs, output };
}

export function errorMessageOf(result: WorkflowRunResult): string | undefined {
	if (result.status === 'success') return undefined;
	const error = result.error as { message?: string; description?: string } | undefined;
	return [error?.message, error?.description].filter(Boolean).join(' — ') || result.status;
}

export type { INodeParameters };
