/**
 * Example workflows that start at the Userflow Trigger cannot be run by hand like the
 * others: the demo activates the trigger (first poll), makes something happen in the
 * emulator, polls again, and runs the rest of the workflow on what the trigger emitted.
 */
import type { IDataObject } from 'n8n-workflow';

import type { UserflowEmulator } from '../emulator';
import type { HarnessCredentials, WorkflowJson } from '../test/harness';

export interface TriggerExampleRun {
	status: string;
	output: IDataObject[];
}

type TriggerExampleRunner = (
	file: string,
	workflow: WorkflowJson,
	emulator: UserflowEmulator,
	credentials: HarnessCredentials,
) => Promise<TriggerExampleRun>;

/** Trigger examples by file name; filled in as the trigger's examples land. */
export const TRIGGER_EXAMPLES: Record<string, true> = {};

export const runTriggerExample: TriggerExampleRunner = async (file) => {
	throw new Error(`No demo scenario for the trigger example ${file}`);
};
