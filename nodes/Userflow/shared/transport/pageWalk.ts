import type { IDataObject } from 'n8n-workflow';

import { MalformedAnswerError, type ListAnswer } from './listAnswer';

/**
 * Bounds for every loop over Userflow's pages. A server that answers `has_more: true`
 * forever, repeats a page, ignores `starting_after` or sends empty pages "with more" must
 * not cost unbounded requests or memory: the walk stops with a clear error instead.
 */
export class PageLimitError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PageLimitError';
	}
}

const idOf = (item: IDataObject) => String(item.id);

export class PageWalk {
	private pages = 0;

	private readonly cursors = new Set<string>();

	/**
	 * @param maxPages the hard cap on pages of this walk
	 * @param capMessage what to tell the user when the cap is reached
	 */
	constructor(
		private readonly maxPages: number,
		private readonly capMessage: (pages: number) => string,
		firstCursor?: string,
	) {
		if (firstCursor !== undefined) this.cursors.add(firstCursor);
	}

	get pagesRead(): number {
		return this.pages;
	}

	/**
	 * Takes the page just read after `cursor` and answers the cursor for the next page, or
	 * undefined when the list ended. Throws when the page makes no progress.
	 */
	next(page: ListAnswer, cursor: string | undefined): string | undefined {
		this.pages++;
		if (cursor !== undefined && page.data.some((item) => idOf(item) === cursor)) {
			throw new MalformedAnswerError(
				`Userflow ignored the list position: the page after '${cursor}' contains '${cursor}' itself; stopped instead of reading the same records again`,
			);
		}
		if (!page.hasMore) return undefined;
		if (page.data.length === 0) {
			throw new MalformedAnswerError('Userflow said there are more records but sent an empty page; stopped instead of asking forever');
		}
		const nextCursor = idOf(page.data[page.data.length - 1]);
		if (this.cursors.has(nextCursor)) {
			throw new MalformedAnswerError(
				`Userflow sent a page that ends where an earlier one did ('${nextCursor}'); stopped instead of reading the same records again`,
			);
		}
		if (this.pages >= this.maxPages) throw new PageLimitError(this.capMessage(this.pages));
		this.cursors.add(nextCursor);
		return nextCursor;
	}
}
