/**
 * Runs the Userflow node through n8n's engine against a fresh emulator per test, optionally
 * fed by a Code node, and reads back what the emulator received and stored.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, USERFLOW_VERSION, type UserflowEmulator } from '../../../emulator';
import type { RecordedRequest } from '../../../emulator/types';
import {
	codeNode,
	manualTrigger,
	runWorkflow,
	userflowNode,
	workflow,
	type NodeSpec,
	type WorkflowRunResult,
} from '../../harness';

export function useEmulator(): () => UserflowEmulator {
	let emulator: UserflowEmulator | undefined;
	beforeEach(async () => {
		emulator = await startEmulator();
	});
	afterEach(async () => {
		await emulator?.close();
		emulator = undefined;
	});
	return () => {
		if (!emulator) throw new Error('emulator not started');
		return emulator;
	};
}

export interface RunOptions {
	/** Items fed to the node (through a Code node); default: the trigger's one empty item. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The node's typeVersion as saved in the workflow; default 1 (what 0.1.0 saved). */
	typeVersion?: number;
}

export async function runUserflow(
	emulator: UserflowEmulator,
	/** Node parameters as a saved workflow holds them. */
	parameters: object,
	options: RunOptions = {},
): Promise<WorkflowRunResult> {
	const nodes: NodeSpec[] = [manualTrigger()];
	if (options.items) nodes.push(codeNode(`return ${JSON.stringify(options.items.map((json) => ({ json })))};`));
	nodes.push(
		userflowNode(parameters as INodeParameters, 'Userflow', {
			...(options.continueOnFail ? { continueOnFail: true } : {}),
			...(options.typeVersion ? { typeVersion: options.typeVersion } : {}),
		}),
	);
	return await runWorkflow(workflow(nodes), {
		credentials: { userflowApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } },
	});
}

export type SentRequest = Pick<RecordedRequest, 'method' | 'path' | 'query' | 'body'>;

/** Method, path, query and body of each request, in arrival order. */
export function sent(emulator: UserflowEmulator): SentRequest[] {
	return emulator.requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
}

/** The requests other than the case guard's definitions lookups. */
export function writes(emulator: UserflowEmulator): SentRequest[] {
	return sent(emulator).filter((request) => !/_definitions$/.test(request.path));
}

/** Every request carried the key as Bearer token and the pinned API version. */
export function expectUserflowHeaders(emulator: UserflowEmulator): void {
	expect(emulator.requests.length).toBeGreaterThan(0);
	for (const request of emulator.requests) {
		expect(request.headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
		expect(request.headers['userflow-version']).toBe(USERFLOW_VERSION);
		expect(request.versionHeaderMissing).toBe(false);
		expect(request.headers.accept).toBe('application/json');
	}
}

/** A version 2 resource locator value, as the editor saves it. */
export function locator(value: string, mode: 'list' | 'id' | 'name' = 'id'): INodeParameters {
	return { __rl: true, mode, value };
}

/** The `attributes` parameter holding these rows ("one by one"). */
export function rows(
	...attributes: Array<{ name: string | INodeParameters; value?: string | number | boolean; type?: string; action?: string }>
): INodeParameters {
	return { attribute: attributes as INodeParameters[] };
}

/** The definitions lookup a case guard sends for one scope. */
export function attributeLookup(scope: string): SentRequest {
	return { method: 'GET', path: '/attribute_definitions', query: { scope, limit: '100' }, body: undefined };
}

export const eventLookup: SentRequest = { method: 'GET', path: '/event_definitions', query: { limit: '100' }, body: undefined };

/** The error message of an item, or of the run when the node stopped it. */
export function errorMessageOf(result: WorkflowRunResult): string | undefined {
	return result.error?.message;
}
