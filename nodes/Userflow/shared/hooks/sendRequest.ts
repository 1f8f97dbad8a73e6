import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { sendDeclarative } from '../transport/userflowRequest';

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

/** The names the resource files import; both are sendRequest. */
export const sendIdempotentRequest = sendRequest;

/** The name Event Track imports; the layer itself never resends what may have been recorded. */
export const sendNonIdempotentRequest = sendRequest;
