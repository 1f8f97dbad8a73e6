import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { MalformedAnswerError, readListAnswer } from '../Userflow/shared/transport/listAnswer';
import type { PacingSettings } from '../Userflow/shared/transport/pacingOptions';
import { userflowApiRequest } from '../Userflow/shared/transport/userflowRequest';
import { CURSOR_GONE, PAGE_SIZE, type FetchPage } from './cursor/sweep';
import type { EventSource } from './events';

/**
 * A poll whose answer is not Userflow's list fails, and writes no state: at activation an
 * "empty" position would make the next poll emit the whole history.
 */
function malformed(ctx: IPollFunctions, problem: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), problem, {
		description:
			"The poll emitted nothing and kept its position. Check the Base URL in the Userflow credential and any proxy: they must lead straight to Userflow's API.",
	});
}

function readPage(ctx: IPollFunctions, answer: unknown): { data: IDataObject[]; hasMore: boolean } {
	let failure: unknown;
	try {
		return readListAnswer(answer);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof MalformedAnswerError) throw malformed(ctx, failure.message);
	throw failure;
}

/**
 * The cursor's `fetchPage` over the package's request layer. A 400 on a request that names
 * a `starting_after` means that object is gone (the contract's one documented 400 for lists);
 * the cursor then picks another place to continue from. Everything else (429, 5xx, network,
 * after the layer's retries) is thrown as the layer's NodeApiError. Every answer is checked:
 * a list with ids, and, after a cursor, a page that does not contain the cursor itself (a
 * server that ignores `starting_after` would otherwise be read from the top forever).
 */
export function listPageFetcher(ctx: IPollFunctions, source: EventSource, pacing: PacingSettings): FetchPage {
	return async (startingAfter) => {
		const qs: IDataObject = { ...source.qs, limit: PAGE_SIZE };
		if (startingAfter !== undefined) qs.starting_after = startingAfter;
		let answer: unknown;
		let failure: unknown;
		try {
			answer = await userflowApiRequest(ctx, { method: 'GET', url: source.url, qs }, { pacing });
		} catch (error) {
			failure = error;
		}
		if (failure !== undefined) {
			if (startingAfter !== undefined && (failure as { httpCode?: string | null }).httpCode === '400') return CURSOR_GONE;
			throw failure;
		}
		const page = readPage(ctx, answer);
		if (startingAfter !== undefined && page.data.some((item) => String(item.id) === startingAfter)) {
			throw malformed(
				ctx,
				`Userflow ignored the list position: the page after '${startingAfter}' contains '${startingAfter}' itself, so the trigger could never get past it`,
			);
		}
		if (page.hasMore && page.data.length === 0) {
			throw malformed(ctx, 'Userflow said there are more records but sent an empty page');
		}
		return { items: page.data, hasMore: page.hasMore };
	};
}
