import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { sendIdempotentRequest } from '../hooks/sendRequest';
import { storedIfUnchanged } from './decide';
import { SKIPPED_FIELD, skipUnchangedEnabled } from './option';

/**
 * Pagination hook of User and Group → Create or Update. Without Skip Unchanged it is the
 * plain idempotent send. With it, an item whose write would change nothing is not sent: it
 * outputs the record as Userflow holds it, marked `_skipped: true`; sent items are marked
 * `_skipped: false`, so an IF node can route on the field either way.
 */
export async function sendUpsertRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	if (!skipUnchangedEnabled(this)) return await sendIdempotentRequest.call(this, requestData);
	const collection = requestData.options.url === '/groups' ? 'groups' : 'users';
	const body = (requestData.options.body ?? {}) as IDataObject;
	const stored = await storedIfUnchanged(this, collection, body);
	if (stored) return [{ json: { ...stored, [SKIPPED_FIELD]: true } }];
	const sent = await sendIdempotentRequest.call(this, requestData);
	return sent.map((item) => ({ ...item, json: { ...item.json, [SKIPPED_FIELD]: false } }));
}
