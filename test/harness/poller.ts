/**
 * Calls a polling trigger the way n8n does once a workflow is published: one `Workflow`
 * object lives as long as the activation, so `workflow.staticData` (where a trigger keeps its
 * cursor) is the same object from one poll to the next. n8n saves static data to the database
 * after polls; a restart reads it back. Simulate that with a new poller given a deep copy of
 * `poller.staticData` (`structuredClone` or a JSON round trip).
 *
 * `poll('manual')` is the editor's "Fetch Test Event": n8n-core runs it with mode and
 * activation 'manual' (see `WorkflowExecute.executePollNode`), and n8n does not save static
 * data from manual executions, so it runs on a throwaway copy and leaves the cursor alone.
 */
import { PollContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { type HarnessCredentials, createCredentialsHelper } from './credentials';
import { type AnyNodeType, HarnessNodeTypes, fullNodeTypeName } from './node-types';

export interface PollerOptions {
	credentials?: HarnessCredentials;
	/** Static data saved by an earlier activation (pass a deep copy to simulate a restart). */
	staticData?: IDataObject;
	/** Node name in the workflow; default: the trigger's display name. */
	nodeName?: string;
	typeVersion?: number;
	/** How the workflow was activated: 'activate' (published now) or 'init' (n8n started). */
	activation?: WorkflowActivateMode;
}

export interface Poller {
	/** One poll. 'trigger' is a published workflow's schedule; 'manual' is "Fetch Test Event". */
	poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[][] | null>;
	/** The workflow's static data (the persistent one, not the manual copies). */
	readonly staticData: IDataObject;
	/** True when the last trigger-mode poll changed static data (n8n would save it). */
	readonly staticDataChanged: boolean;
	readonly node: INode;
	readonly workflow: Workflow;
}

export function createPoller(
	nodeType: AnyNodeType,
	nodeParameters: INodeParameters,
	options: PollerOptions = {},
): Poller {
	const type = fullNodeTypeName(nodeType.description.name);
	const { description } = NodeHelpers.getVersionedNodeType(nodeType, options.typeVersion);
	const typeVersion =
		options.typeVersion ??
		description.defaultVersion ??
		(Array.isArray(description.version) ? Math.max(...description.version) : description.version);
	const credentialNames = description.credentials ?? [];
	const node: INode = {
		id: 'poll-trigger',
		name: options.nodeName ?? description.defaults.name ?? description.displayName,
		type,
		typeVersion,
		position: [0, 0],
		parameters: nodeParameters,
		credentials: Object.fromEntries(
			credentialNames.map(({ name }) => [name, { id: '1', name: `${name} account` }]),
		),
	};
	const nodeTypes = new HarnessNodeTypes({ [type]: nodeType });
	const makeWorkflow = (staticData: IDataObject) =>
		new Workflow({
			id: 'poll-workflow',
			name: 'Polling test workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData,
			settings: { executionOrder: 'v1' },
		});
	const workflow = makeWorkflow(options.staticData ?? {});
	const additionalData: IWorkflowExecuteAdditionalData = createAdditionalData(
		createCredentialsHelper(options.credentials),
		{ workflowId: workflow.id },
	);
	// n8n builds the poll context once per activation and reuses it on every tick.
	const triggerContext = new PollContext(workflow, node, additionalData, 'trigger', options.activation ?? 'activate');
	let staticDataChanged = false;

	return {
		node,
		workflow,
		get staticData() {
			return workflow.staticData;
		},
		get staticDataChanged() {
			return staticDataChanged;
		},
		async poll(mode = 'trigger') {
			const versioned = nodeTypes.getByNameAndVersion(type, node.typeVersion);
			if (!versioned.poll) throw new UnexpectedError(`Node type "${type}" has no poll function`);
			if (mode === 'manual') {
				const scratch = makeWorkflow(plainCopy(workflow.staticData));
				return await versioned.poll.call(new PollContext(scratch, node, additionalData, 'manual', 'manual'));
			}
			workflow.staticData.__dataChanged = false;
			try {
				return await versioned.poll.call(triggerContext);
			} finally {
				// Also after a poll that throws: n8n keeps the same in-memory static data then.
				// Read through a fresh reference: TypeScript narrowed the flag to `false` above.
				staticDataChanged = (workflow.staticData as IDataObject).__dataChanged === true;
			}
		},
	};
}

/** Static data is a Proxy with a hidden `__dataChanged`; copy its plain content. */
export function plainCopy(staticData: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}
