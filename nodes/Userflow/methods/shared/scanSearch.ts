import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { MethodPages } from './listPages';

/**
 * Userflow's lists cannot search by name, so "From list" pages through the list itself
 * and keeps the records whose id, name (or email) contains the typed text, ignoring case.
 * With a filter it reads on (up to MAX_SCAN_PAGES pages per call) until something
 * matches, so a search is not answered with an empty page while more records exist;
 * scrolling continues from `paginationToken`, the last id read.
 */
export const MAX_SCAN_PAGES = 5;

export interface ScanSpec {
	path: string;
	qs?: IDataObject;
	/** The texts a filter is matched against. */
	haystack: (record: IDataObject) => unknown[];
	toResult: (record: IDataObject) => INodeListSearchItems;
}

export function matchesFilter(values: unknown[], filter: string): boolean {
	const needle = filter.toLowerCase();
	return values.some((value) => typeof value === 'string' && value.toLowerCase().includes(needle));
}

export async function scanSearch(
	ctx: ILoadOptionsFunctions,
	spec: ScanSpec,
	filter: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	let cursor = paginationToken || undefined;
	// One more page than scanned, so the last scanned page still hands on its cursor.
	const pages = new MethodPages(ctx, spec.path, spec.qs ?? {}, MAX_SCAN_PAGES + 1, cursor);
	for (let scanned = 0; scanned < MAX_SCAN_PAGES; scanned++) {
		const page = await pages.read(cursor);
		for (const record of page.data) {
			if (filter === '' || matchesFilter(spec.haystack(record), filter)) results.push(spec.toResult(record));
		}
		cursor = page.nextCursor;
		if (!cursor || filter === '' || results.length > 0) break;
	}
	return { results, paginationToken: cursor };
}
