import type { FunctionsBase, IDataObject, RequestHelperFunctions } from 'n8n-workflow';

import { userflowApiRequest } from '../transport/userflowRequest';
import { StoredState, type Collection } from './storedState';
import { NEWEST_CREATED_FIRST, OLDEST_CREATED_FIRST } from '../listOrders';

/**
 * Reads the records of one environment with the list endpoint, within a page budget.
 *
 * Userflow has no "get these ids" call, so the list is the cheap way to learn many records
 * (100 per request). It is read from both ends at once (`order_by=created_at` and
 * `-created_at`), which halves the chain of page round trips, until the two reads meet,
 * one reaches the end, the budget is spent, or the caller says reading on no longer pays
 * (`keepReading`, asked after each page). What was not read is simply unknown: its
 * items are sent, so a cut read, a failed page or an order that is not what we assume
 * costs savings, never correctness.
 *
 * [open] in the contract: that `-created_at` is the exact reverse of `created_at` for
 * groups as for users. Only how soon the two reads notice they met depends on it.
 */
export const LIST_ORDERS = [OLDEST_CREATED_FIRST, NEWEST_CREATED_FIRST] as const;

const PAGE_SIZE = 100;

export interface EnvironmentRead {
	state: StoredState;
	pages: number;
	/** Every record of the environment was read (the reads met or one reached the end). */
	complete: boolean;
	/** A page failed after the request layer's retries; what was read before is kept. */
	failed: boolean;
}

export interface ReadOptions {
	collection: Collection;
	withMemberships: boolean;
	maxPages: number;
	/** The item whose run started the read: named in the request layer's errors. */
	itemIndex: number;
	/** Told the ids of each page as it arrives (records already kept in `state`). */
	onPage?: (ids: string[]) => void;
	/** Asked after each page whether reading on is still worth its requests. */
	keepReading?: (pagesDone: number) => boolean;
}

type Context = FunctionsBase & { helpers: RequestHelperFunctions };

interface ListPage {
	data?: unknown[];
	has_more?: boolean;
}

export async function readEnvironment(
	ctx: Context,
	options: ReadOptions,
	state = new StoredState(options.collection, options.withMemberships),
): Promise<EnvironmentRead> {
	const progress = { pagesLeft: Math.max(0, options.maxPages), pages: 0, pagesDone: 0, complete: false, stopped: false, failed: false };
	/** Which read (0 or 1) first saw each id: an id the other read saw means they met. */
	const seenBy = new Map<string, number>();

	const readFrom = async (cursor: number): Promise<void> => {
		let startingAfter: string | undefined;
		while (!progress.complete && !progress.stopped && progress.pagesLeft > 0) {
			progress.pagesLeft--;
			progress.pages++;
			const qs: IDataObject = { limit: PAGE_SIZE, order_by: LIST_ORDERS[cursor] };
			if (startingAfter !== undefined) qs.starting_after = startingAfter;
			if (options.withMemberships) qs['expand[]'] = 'memberships';
			let page: ListPage;
			try {
				page = await userflowApiRequest<ListPage>(
					ctx,
					{ method: 'GET', url: `/${options.collection}`, qs },
					{ itemIndex: options.itemIndex },
				);
			} catch {
				progress.failed = true;
				return;
			}
			progress.pagesDone++;
			const data = Array.isArray(page?.data) ? page.data : [];
			let met = false;
			const ids: string[] = [];
			for (const record of data) {
				const id = state.add(record);
				if (id === undefined) continue;
				ids.push(id);
				const first = seenBy.get(id);
				if (first === undefined) seenBy.set(id, cursor);
				else if (first !== cursor) met = true;
			}
			options.onPage?.(ids);
			const lastId = ids[ids.length - 1];
			if (met || page?.has_more !== true || lastId === undefined) {
				progress.complete = met || page?.has_more === false;
				return;
			}
			if (options.keepReading && !options.keepReading(progress.pagesDone)) {
				progress.stopped = true;
				return;
			}
			startingAfter = lastId;
		}
	};

	await Promise.all(LIST_ORDERS.map(async (_order, cursor) => await readFrom(cursor)));
	return { state, pages: progress.pages, complete: progress.complete, failed: progress.failed };
}
