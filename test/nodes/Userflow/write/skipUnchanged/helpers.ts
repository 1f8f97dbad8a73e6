/** Shared pieces of the Skip Unchanged tests: the node's parameters and what a run sent. */
import type { IDataObject } from 'n8n-workflow';

import type { UserflowEmulator } from '../../../../../emulator';
import type { WorkflowRunResult } from '../../../../harness';
import { runUserflow, writes, type RunOptions, type SentRequest } from '../../engineHelpers';

export const skipUnchanged = { skipUnchanged: true };

/** User → Create or Update, attributes as JSON from `$json.attributes`, Skip Unchanged on. */
export function upsertUsersFromJson(extra: IDataObject = {}): IDataObject {
	return {
		resource: 'user',
		operation: 'upsert',
		userId: '={{ $json.id }}',
		attributeInput: 'json',
		attributesJson: '={{ JSON.stringify($json.attributes) }}',
		options: skipUnchanged,
		...extra,
	};
}

export const listReads = (emulator: UserflowEmulator): SentRequest[] =>
	writes(emulator).filter((request) => request.method === 'GET' && (request.path === '/users' || request.path === '/groups'));

export const upserts = (emulator: UserflowEmulator): SentRequest[] =>
	writes(emulator).filter((request) => request.method === 'POST');

/** Ids of the upserts sent, in any order. */
export const sentIds = (emulator: UserflowEmulator): string[] =>
	upserts(emulator)
		.map((request) => String((request.body as IDataObject).id))
		.sort();

export const skippedIds = (items: IDataObject[]): string[] =>
	items
		.filter((item) => item._skipped === true)
		.map((item) => String(item.id))
		.sort();

/** Skip Unchanged is a version 2 option: these tests run the node as version 2. */
export function runUserflowV2(
	emulator: UserflowEmulator,
	parameters: object,
	options: RunOptions = {},
): Promise<WorkflowRunResult> {
	return runUserflow(emulator, parameters, { typeVersion: 2, ...options });
}
