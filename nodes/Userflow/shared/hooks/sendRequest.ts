import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { sendDeclarative } from '../transport/userflowRequest';
import { explainEventNotFound } from './eventNotFound';

/**
 * Single-request operations hand their request to the request layer through n8n's
 * pagination hook (the one place a declarative node decides how requests are sent). The
 * layer decides from the request itself whether it may be resent (see resendRule).
 */
export async function sendRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await sendDeclarative(this, requestData);
}

/**
 * The name version 1's upserts were built with (its description is pinned, function names
 * included). It does not choose how failures are resent: the request layer does.
 */
export async function sendIdempotentRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await sendDeclarative(this, requestData);
}

/** Event Track: like sendRequest, and a 404 says whether the user or the group is unknown. */
export async function sendNonIdempotentRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	try {
		return await sendDeclarative(this, requestData);
	} catch (error) {
		throw await explainEventNotFound(this, requestData, error);
	}
}
