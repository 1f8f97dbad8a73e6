import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { sendDeclarative } from '../transport/userflowRequest';

/**
 * Single-request operations hand their request to the request layer through n8n's
 * pagination hook (the one place a declarative node decides how requests are sent).
 * Upserts, gets and deletes are idempotent: any transient failure is retried.
 */
export async function sendIdempotentRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await sendDeclarative(this, requestData, { mode: 'idempotent' });
}

/**
 * Tracking an event is not idempotent: it is retried only when Userflow cannot have
 * recorded it (429, connection refused), never after a 5xx or a dropped connection.
 */
export async function sendNonIdempotentRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await sendDeclarative(this, requestData, { mode: 'onlyIfNotRecorded' });
}
