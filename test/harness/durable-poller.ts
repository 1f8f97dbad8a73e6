/**
 * A polling trigger under n8n 2.41's durable poll cursors (N8N_POLLER_DURABLE_CURSORS_ENABLED
 * with the scheduler and the publication service on), as packages/cli does it
 * (trigger-execution-context.factory, poll-cursor.service, poll-trigger-task-handler, and
 * n8n-core's PollTriggerExecutor), reduced to what a node can observe:
 *
 * - the node's static data is a staged copy of its `poller_state` row (created on first use,
 *   seeded from the node's part of the workflow's static data), given to the poll through
 *   PollContext's `resolveNodeStaticData`; the workflow's 'global' static data is the real one;
 * - the poll at publishing runs as a test: its staged cursor is committed only if it emits;
 *   after it, n8n saves the workflow's static data (WorkflowTriggerActivator.activate);
 * - each scheduled poll builds the workflow afresh from the database; it commits a changed
 *   staged cursor, with the execution when it emits (and then saves the workflow's static
 *   data) or alone when it emits nothing (static data not saved).
 *
 * The e2e scenario `cursors` checks the same against the real n8n.
 */
import { PollContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeParameters, WorkflowActivateMode } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { type HarnessCredentials, createCredentialsHelper } from './credentials';
import { type AnyNodeType, HarnessNodeTypes, fullNodeTypeName } from './node-types';
import { plainCopy } from './poller';

export interface DurableDatabase {
	/** The workflow's static data as saved (workflow_entity.staticData). */
	staticData: IDataObject;
	/** poller_state.cursor by node id. */
	pollerState: Record<string, IDataObject>;
}

export interface DurablePoller {
	/** The poll at publishing (n8n-core's `executePollTrigger(true)`). */
	publish(): Promise<INodeExecutionData[][] | null>;
	/** One scheduled poll of the durable scheduler. */
	scheduledPoll(): Promise<INodeExecutionData[][] | null>;
	readonly database: DurableDatabase;
	readonly node: INode;
}

export function createDurablePoller(
	nodeType: AnyNodeType,
	parameters: INodeParameters,
	options: { credentials?: HarnessCredentials; typeVersion?: number; database?: DurableDatabase } = {},
): DurablePoller {
	const type = fullNodeTypeName(nodeType.description.name);
	const { description } = NodeHelpers.getVersionedNodeType(nodeType, options.typeVersion);
	const node: INode = {
		id: 'durable-poll-trigger',
		name: description.defaults.name ?? description.displayName,
		type,
		typeVersion: options.typeVersion ?? (description.defaultVersion as number) ?? 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries((description.credentials ?? []).map(({ name }) => [name, { id: '1', name }])),
	};
	const nodeTypes = new HarnessNodeTypes({ [type]: nodeType });
	const database: DurableDatabase = options.database ?? { staticData: {}, pollerState: {} };
	const additionalData = createAdditionalData(createCredentialsHelper(options.credentials), { workflowId: 'durable-workflow' });

	async function poll(activation: WorkflowActivateMode, testingTrigger: boolean) {
		const workflow = new Workflow({
			id: 'durable-workflow',
			name: 'Durable cursors test workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: plainCopy(database.staticData),
			settings: { executionOrder: 'v1' },
		});
		// resolveCursor: getOrCreateCursor seeds the row from the node's static data once.
		database.pollerState[node.id] ??= plainCopy(workflow.getStaticData('node', node));
		const seed = JSON.stringify(database.pollerState[node.id]);
		const staged = JSON.parse(seed) as IDataObject;
		const context = new PollContext(workflow, node, additionalData, 'trigger', activation, undefined, undefined, undefined, undefined, () => staged);
		const versioned = nodeTypes.getByNameAndVersion(type, node.typeVersion);
		if (!versioned.poll) throw new UnexpectedError(`Node type "${type}" has no poll function`);
		const saveStaticData = () => {
			if (workflow.staticData.__dataChanged === true) database.staticData = plainCopy(workflow.staticData);
		};
		const result = await versioned.poll.call(context);
		const cursorChanged = JSON.stringify(staged) !== seed;
		if (result !== null) {
			// __emit: the staged cursor with the execution, then saveStaticData.
			if (cursorChanged) database.pollerState[node.id] = plainCopy(staged);
			saveStaticData();
		} else if (!testingTrigger && cursorChanged) {
			database.pollerState[node.id] = plainCopy(staged);
		}
		// WorkflowTriggerActivator.activate saves the workflow's static data after the activation poll.
		if (testingTrigger) saveStaticData();
		return result;
	}

	return {
		database,
		node,
		publish: async () => await poll('activate', true),
		scheduledPoll: async () => await poll('update', false),
	};
}
