import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { AttributeInputError } from '../attributes/types';

export interface ItemContext {
	getNode(): INode;
	getItemIndex(): number;
	continueOnFail?(): boolean;
}

export const NOTHING_SENT = 'Nothing was sent to Userflow for this item.';

/**
 * An error found before any request: an n8n operation error as n8n's editor shows one
 * (message, "Nothing was sent ..."), never an API error under "From Userflow / Error code".
 *
 * The checks run in preSend and pagination hooks, inside n8n's RoutingNode, which re-wraps
 * every rejection that is not a NodeApiError as `NodeApiError(..., {httpCode: 'none'})`
 * (n8n-core routing-node.js) unless the node continues on fail. So:
 * - with Continue On Fail (or an error output), the NodeOperationError itself is returned:
 *   RoutingNode puts it on the item unchanged;
 * - otherwise it travels in a NodeApiError shell that RoutingNode passes through unchanged:
 *   no HTTP code, no response data (so the editor shows no "From Userflow" details), the same
 *   message and description, and the name of the operation error it stands for.
 */
export function operationError(ctx: ItemContext, message: string, description = NOTHING_SENT): NodeOperationError | NodeApiError {
	const itemIndex = ctx.getItemIndex();
	const error = new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
	if (typeof ctx.continueOnFail === 'function' && ctx.continueOnFail()) return error;
	const shell = new NodeApiError(ctx.getNode(), {} as JsonObject, { message, description, itemIndex });
	Object.defineProperty(shell, 'name', { value: 'NodeOperationError', writable: true, enumerable: true, configurable: true });
	return shell;
}

/**
 * Bad input is found before anything is sent and fails only its own item. The message
 * names the field (n8n shows the item next to it, so the message does not repeat it).
 */
export function invalidInput(ctx: ItemContext, field: string, problem: string): NodeOperationError | NodeApiError {
	return operationError(ctx, `${field}: ${problem}`);
}

/** Runs pure input code and turns its AttributeInputError into the item's error. */
export function withItemErrors<T>(ctx: ItemContext, build: () => T): T {
	let failure: unknown;
	try {
		return build();
	} catch (error) {
		failure = error;
	}
	if (failure instanceof AttributeInputError) throw invalidInput(ctx, failure.field, failure.message);
	throw failure;
}
