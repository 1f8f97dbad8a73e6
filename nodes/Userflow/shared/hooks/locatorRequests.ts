import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { sendDeclarative } from '../transport/userflowRequest';

/**
 * Requests about one object picked in a resource locator (From list / By ID). A blank ID
 * is refused before anything is sent: `/content/` would silently answer with a list, and
 * `content_id=` is an error at best.
 */

type PaginationFunction = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

type PreSendFunction = (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

function locatorValue(ctx: IExecuteSingleFunctions, label: string, locatorName: string): string {
	const id = String(ctx.getNodeParameter(locatorName, '', { extractValue: true }) ?? '').trim();
	if (id === '') {
		throw new NodeOperationError(ctx.getNode(), `Item ${ctx.getItemIndex()}: ${label} ID is empty`, {
			description: `Pick a ${label.toLowerCase()} from the list or enter its ID.`,
			itemIndex: ctx.getItemIndex(),
		});
	}
	return id;
}

/** preSend: fails the item when the locator is blank. */
export function requireLocatorValue(label: string, locatorName: string): PreSendFunction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		locatorValue(this, label, locatorName);
		return requestOptions;
	};
}

/**
 * A single idempotent request (get) about the picked object; errors name it
 * ("Content 'abc' does not exist in this Userflow environment").
 */
export function sendIdempotentRequestFor(label: string, locatorName: string): PaginationFunction {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const id = locatorValue(this, label, locatorName);
		return await sendDeclarative(this, requestData, { mode: 'idempotent', subject: { object: `${label} '${id}'` } });
	};
}
