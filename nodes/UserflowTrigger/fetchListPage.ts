import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { userflowApiRequest } from '../Userflow/shared/transport/userflowRequest';
import type { PacingSettings } from '../Userflow/shared/transport/pacingOptions';
import { CURSOR_GONE, PAGE_SIZE, type FetchPage } from './cursor/sweep';
import type { EventSource } from './events';

interface ListEnvelope {
	data?: IDataObject[];
	has_more?: boolean;
}

/**
 * The cursor's `fetchPage` over the package's request layer. A 400 on a request that names
 * a `starting_after` means that object is gone (the contract's one documented 400 for lists);
 * the cursor then picks another place to continue from. Everything else (429, 5xx, network,
 * after the layer's retries) is thrown as the layer's NodeApiError.
 */
export function listPageFetcher(ctx: IPollFunctions, source: EventSource, pacing: PacingSettings): FetchPage {
	return async (startingAfter) => {
		const qs: IDataObject = { ...source.qs, limit: PAGE_SIZE };
		if (startingAfter !== undefined) qs.starting_after = startingAfter;
		let failure: unknown;
		try {
			const answer = await userflowApiRequest<ListEnvelope>(
				ctx,
				{ method: 'GET', url: source.url, qs },
				{ pacing },
			);
			return { items: answer.data ?? [], hasMore: answer.has_more === true };
		} catch (error) {
			if (startingAfter !== undefined && (error as { httpCode?: string | null }).httpCode === '400') return CURSOR_GONE;
			failure = error;
		}
		throw failure;
	};
}
