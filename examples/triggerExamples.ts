/**
 * Example workflows that start at the Userflow Trigger cannot be run by hand like the
 * others. As n8n does once a workflow is published, the demo and the tests activate the
 * trigger (the first poll only records where Userflow stands), make something happen in
 * the emulator, poll again, and run the rest of the workflow on what the trigger emitted.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { UserflowEmulator } from '../emulator';
import { UserflowTrigger } from '../nodes/UserflowTrigger/UserflowTrigger.node';
import { createPoller, runWorkflow, type HarnessCredentials, type WorkflowJson } from '../test/harness';
import { completeWelcomeTour } from './seed';

export interface TriggerExampleRun {
	status: string;
	output: IDataObject[];
	/** What the activation poll emitted: it must be nothing. */
	emittedAtActivation: number;
}

type Activity = (emulator: UserflowEmulator) => void;

/** Trigger examples by file name, with what happens in Userflow between the two polls. */
export const TRIGGER_EXAMPLES: Record<string, Activity> = {
	'05-react-to-completed-flows.json': completeWelcomeTour,
};

export async function runTriggerExample(
	file: string,
	workflow: WorkflowJson,
	emulator: UserflowEmulator,
	credentials: HarnessCredentials,
): Promise<TriggerExampleRun> {
	const triggerNode = workflow.nodes.find((node) => node.type === 'n8n-nodes-userflow.userflowTrigger');
	if (!triggerNode) throw new Error(`${file} has no Userflow Trigger`);
	const poller = createPoller(new UserflowTrigger(), triggerNode.parameters as INodeParameters, {
		credentials,
		nodeName: triggerNode.name,
		typeVersion: triggerNode.typeVersion,
	});
	const atActivation = await poller.poll();
	TRIGGER_EXAMPLES[file](emulator);
	const emitted = (await poller.poll())?.[0] ?? [];
	if (emitted.length === 0) return { status: 'the trigger emitted nothing', output: [], emittedAtActivation: 0 };
	const result = await runWorkflow(workflow, { credentials, pinData: { [triggerNode.name]: emitted } });
	const sources = new Set(Object.keys(workflow.connections));
	const last = workflow.nodes.filter((node) => !sources.has(node.name)).at(-1)!.name;
	return {
		status: result.error ? `error: ${result.error.message}` : result.status,
		output: result.itemsOf(last),
		emittedAtActivation: atActivation?.[0]?.length ?? 0,
	};
}
