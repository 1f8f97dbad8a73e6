/**
 * Runs the Userflow node through n8n's engine against a fresh emulator per test, and reads
 * back what the emulator received.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator, USERFLOW_VERSION, type UserflowEmulator } from '../../../../emulator';
import type { RecordedRequest } from '../../../../emulator/types';
import { manualTrigger, runWorkflow, userflowNode, workflow, type WorkflowRunResult } from '../../../harness';

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

export async function runUserflow(
	emulator: UserflowEmulator,
	parameters: INodeParameters,
	extra: { continueOnFail?: boolean } = {},
): Promise<WorkflowRunResult> {
	return await runWorkflow(workflow([manualTrigger(), userflowNode(parameters, 'Userflow', extra)]), {
		credentials: { userflowApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } },
	});
}

/** Method, path and query of each request, in order: what a test compares exactly. */
export function sent(emulator: UserflowEmulator): Array<Pick<RecordedRequest, 'method' | 'path' | 'query'>> {
	return emulator.requests.map(({ method, path, query }) => ({ method, path, query }));
}

/** Every request carried the key as Bearer token and the pinned API version. */
export function expectUserflowHeaders(emulator: UserflowEmulator): void {
	expect(emulator.requests.length).toBeGreaterThan(0);
	for (const request of emulator.requests) {
		expect(request.headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
		expect(request.headers['userflow-version']).toBe(USERFLOW_VERSION);
		expect(request.headers.accept).toBe('application/json');
		expect(request.status).toBe(200);
	}
}

export const ids = (items: Array<{ id?: unknown }>): unknown[] => items.map((item) => item.id);

/** `${prefix}1` ... `${prefix}n` */
export const range = (prefix: string, from: number, to: number): string[] =>
	Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
