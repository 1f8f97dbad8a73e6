import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions } from 'n8n-workflow';

import { MalformedAnswerError, readListAnswer } from '../../shared/transport/listAnswer';
import { PageLimitError, PageWalk } from '../../shared/transport/pageWalk';
import { userflowApiRequest } from '../../shared/transport/userflowRequest';

/** Userflow's largest page. */
export const PAGE_SIZE = 100;

/** A Userflow list envelope, reduced to what the methods read. */
export interface ListPage {
	data: IDataObject[];
	/** The cursor for the next page (the last record's id), absent on the last page. */
	nextCursor?: string;
}

/** Pages one call of a list search or an option loader may read at most. */
export const MAX_METHOD_PAGES = 50;

/**
 * One walk over a list for the editor: pages are checked (a malformed answer or a page that
 * makes no progress is an error), and the walk ends quietly at `maxPages`.
 */
export class MethodPages {
	private readonly walk: PageWalk;

	constructor(
		private readonly ctx: ILoadOptionsFunctions,
		private readonly path: string,
		private readonly qs: IDataObject,
		maxPages = MAX_METHOD_PAGES,
		startCursor?: string,
	) {
		this.walk = new PageWalk(maxPages, (pages) => `stopped after ${pages} pages`, startCursor);
	}

	/** The page after `cursor`; `nextCursor` is undefined at the end of the list or of the walk. */
	async read(cursor?: string): Promise<ListPage> {
		const query: IDataObject = { ...this.qs, limit: PAGE_SIZE };
		if (cursor) query.starting_after = cursor;
		const answer = await userflowApiRequest(this.ctx, { method: 'GET', url: this.path, qs: query });
		let failure: unknown;
		try {
			const page = readListAnswer(answer);
			return { data: page.data, nextCursor: this.walk.next(page, cursor) };
		} catch (error) {
			failure = error;
		}
		// At the cap the editor lists what was read so far.
		if (failure instanceof PageLimitError) return { data: readListAnswer(answer).data, nextCursor: undefined };
		if (failure instanceof MalformedAnswerError) throw new NodeOperationError(this.ctx.getNode(), failure.message);
		throw failure;
	}
}

/** One page of a list endpoint, `starting_after` the given cursor. */
export async function fetchPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	cursor?: string,
): Promise<ListPage> {
	return await new MethodPages(ctx, path, qs, Number.POSITIVE_INFINITY, cursor).read(cursor);
}

/**
 * Every record of a small list (definitions), page after page. Capped so that a
 * misbehaving cursor can never keep the editor waiting forever: a dropdown then lists the
 * first MAX_METHOD_PAGES pages.
 */
export async function fetchAll(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject = {},
	maxPages = MAX_METHOD_PAGES,
): Promise<IDataObject[]> {
	const pages = new MethodPages(ctx, path, qs, maxPages);
	const records: IDataObject[] = [];
	let cursor: string | undefined;
	do {
		const page = await pages.read(cursor);
		records.push(...page.data);
		cursor = page.nextCursor;
	} while (cursor !== undefined);
	return records;
}
