import { NodeOperationError, type INode } from 'n8n-workflow';

import { AttributeInputError } from '../attributes/types';

export interface ItemContext {
	getNode(): INode;
	getItemIndex(): number;
}

/**
 * Bad input is found in preSend, before anything is sent, and fails only its own item:
 * the message names the item and the field so the user can find the row to fix.
 */
export function invalidInput(ctx: ItemContext, field: string, problem: string): NodeOperationError {
	const itemIndex = ctx.getItemIndex();
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}, ${field}: ${problem}`, {
		itemIndex,
		description: 'Nothing was sent to Userflow for this item.',
	});
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
