/**
 * Runs a workflow, as n8n saves and exports it, through n8n-core's `WorkflowExecute` in
 * manual mode: what happens when a user clicks "Execute workflow" in the editor.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ExecutionStatus,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IPinData,
	IRun,
	IRunData,
	IWorkflowBase,
	IWorkflowSettings,
} from 'n8n-workflow';
import { UnexpectedError, Workflow, createRunExecutionData } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { type HarnessCredentials, createCredentialsHelper } from './credentials';
import type { NodeTypeMap } from './node-types';
import { HarnessNodeTypes, loadPackageNodeTypes, standInNodeTypes } from './node-types';
import { quietErrorReporter } from './quiet-error-reporter';

/** A workflow as n8n exports it (Download / copy-paste); extra fields are ignored. */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
	staticData?: IDataObject | null;
	[key: string]: unknown;
}

export interface RunWorkflowOptions {
	/** Credential type name → the data a user saved, e.g. `{ userflowApi: { apiKey, baseUrl } }`. */
	credentials?: HarnessCredentials;
	/** Extra or replacement node types, by full n8n type name (bare names mean this package). */
	nodeTypes?: NodeTypeMap;
	/** Pinned output per node name, as in the editor; overrides the workflow's own pinData. */
	pinData?: IPinData;
}

export interface WorkflowRunResult {
	status: ExecutionStatus;
	error?: ExecutionError;
	runData: IRunData;
	/** The whole run, for anything the shortcuts do not cover. */
	run: IRun;
	/** Items on main output 0 of the node's last run. Throws if the node did not run. */
	outputOf(nodeName: string): INodeExecutionData[];
	/** The `json` of those items. */
	itemsOf(nodeName: string): IDataObject[];
}

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: RunWorkflowOptions = {},
): Promise<WorkflowRunResult> {
	quietErrorReporter();
	const packageTypes = loadPackageNodeTypes();
	const nodeTypes = new HarnessNodeTypes(
		{ ...standInNodeTypes(), ...packageTypes.types, ...options.nodeTypes },
		packageTypes.unavailable,
	);
	const workflowId = workflowJson.id ?? 'test-workflow';
	const pinData = options.pinData ?? workflowJson.pinData;
	const workflow = new Workflow({
		id: workflowId,
		name: workflowJson.name ?? 'Test workflow',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active: false,
		nodeTypes,
		staticData: structuredClone(workflowJson.staticData ?? {}),
		settings: workflowJson.settings,
		pinData,
	});

	// As in the editor: a Manual Trigger, else a trigger whose output is pinned (a webhook
	// trigger has no other way to start here), else what n8n-workflow picks.
	const startNode =
		workflowJson.nodes.find((node) => node.type === MANUAL_TRIGGER && !node.disabled) ??
		workflowJson.nodes.find((node) => pinData?.[node.name] !== undefined && !node.disabled && !hasInputs(workflowJson, node.name)) ??
		workflow.getStartNode();
	if (!startNode) throw new UnexpectedError('No node to start the workflow from could be found');

	const credentialsHelper = createCredentialsHelper(options.credentials);
	const executionId = `test-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: workflow.name ?? 'Test workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		settings: workflowJson.settings,
	};
	const additionalData = createAdditionalData(credentialsHelper, {
		executionId,
		workflowId,
		hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
	});

	// The same start as `WorkflowExecute.run()`: the start node gets one empty item.
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
		resultData: { pinData },
	});
	const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	return toResult(run);
}

function hasInputs(workflowJson: WorkflowJson, nodeName: string): boolean {
	return Object.values(workflowJson.connections).some((outputs) =>
		Object.values(outputs).some((byIndex) => byIndex?.some((targets) => targets?.some((target) => target.node === nodeName))),
	);
}

function toResult(run: IRun): WorkflowRunResult {
	const runData = run.data.resultData.runData;
	const outputOf = (nodeName: string): INodeExecutionData[] => {
		const runs = runData[nodeName];
		if (!runs?.length) {
			throw new UnexpectedError(
				`Node "${nodeName}" did not run. Nodes that ran: ${Object.keys(runData).join(', ') || 'none'}`,
			);
		}
		return runs[runs.length - 1].data?.main?.[0] ?? [];
	};
	return {
		status: run.status,
		error: run.data.resultData.error,
		runData,
		run,
		outputOf,
		itemsOf: (nodeName) => outputOf(nodeName).map((item) => item.json),
	};
}
