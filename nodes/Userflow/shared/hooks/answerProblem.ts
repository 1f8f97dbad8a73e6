import { MalformedAnswerError } from '../transport/listAnswer';
import { PageLimitError } from '../transport/pageWalk';
import { operationError, type ItemContext } from '../validation/invalidInput';

/**
 * Runs code that reads Userflow's answers and turns a malformed answer or a page loop that
 * makes no progress into the item's error (nothing more is read or written for it).
 */
export function answerProblem<T>(ctx: ItemContext, read: () => T): T {
	let failure: unknown;
	try {
		return read();
	} catch (error) {
		failure = error;
	}
	if (failure instanceof MalformedAnswerError) {
		throw operationError(
			ctx,
			failure.message,
			"Nothing more was read or written for this item. Check the Base URL in the Userflow credential and any proxy: they must lead straight to Userflow's API.",
		);
	}
	if (failure instanceof PageLimitError) throw operationError(ctx, failure.message, 'Nothing more was read for this item.');
	throw failure;
}
