import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { userflowApiRequest } from '../../shared/transport/userflowRequest';

/** Userflow's largest page. */
export const PAGE_SIZE = 100;

/** A Userflow list envelope, reduced to what the methods read. */
export interface ListPage {
	data: IDataObject[];
	/** The cursor for the next page (the last record's id), absent on the last page. */
	nextCursor?: string;
}

/** One page of a list endpoint, `starting_after` the given cursor. */
export async function fetchPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	cursor?: string,
): Promise<ListPage> {
	const query: IDataObject = { ...qs, limit: PAGE_SIZE };
	if (cursor) query.starting_after = cursor;
	const page = await userflowApiRequest<{ data?: IDataObject[]; has_more?: boolean }>(
		ctx,
		{ method: 'GET', url: path, qs: query },
	);
	const data = page.data ?? [];
	const last = data[data.length - 1];
	return { data, nextCursor: page.has_more && last ? String(last.id) : undefined };
}

/**
 * Every record of a small list (definitions), page after page. Capped so that a
 * misbehaving cursor can never keep the editor waiting forever.
 */
export async function fetchAll(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject = {},
	maxPages = 50,
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < maxPages; page++) {
		const { data, nextCursor } = await fetchPage(ctx, path, qs, cursor);
		records.push(...data);
		if (!nextCursor) break;
		cursor = nextCursor;
	}
	return records;
}
