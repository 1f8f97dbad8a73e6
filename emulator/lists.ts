/**
 * List endpoints: `limit`, `starting_after`, `order_by` and the list envelope.
 * Order is by the `order_by` field, ties broken by insertion sequence; descending is the exact
 * reverse. The cursor is keyset-style: items after the cursor object's (sort key, sequence),
 * so it keeps working while records are added, but 400s when the cursor object was deleted.
 */
import { invalidParams, noSuchObject } from './errors';
import type { ApiRequest } from './request';
import { parseStringParam } from './request';

export const LIST_QUERY = ['limit', 'starting_after', 'order_by'] as const;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export interface ListSpec<T extends { id: string; seq: number }> {
	/** Used in messages: "User with id 'x' not found". */
	label: string;
	/** All records of the collection (unfiltered: the cursor is looked up here). */
	all: () => Iterable<T>;
	get: (id: string) => T | undefined;
	filter?: (item: T) => boolean;
	/** Sort keys by field name; `order_by` accepts these and (if listed) their `-` forms. */
	sortKeys: Record<string, (item: T) => number | string>;
	/** Accepted `order_by` values, e.g. ['created_at', '-created_at']. */
	orderBy: readonly string[];
	defaultOrderBy: string;
	toJson: (item: T) => unknown;
}

export interface ListEnvelope {
	object: 'list';
	data: unknown[];
	has_more: boolean;
	url: string;
	next_page_url: string | null;
}

export function parseLimit(query: URLSearchParams): number {
	const raw = query.get('limit');
	if (raw === null) return DEFAULT_LIMIT;
	if (!/^\d+$/.test(raw)) throw invalidParams(`limit must be an integer between 1 and ${MAX_LIMIT}`);
	const limit = Number(raw);
	if (limit < 1 || limit > MAX_LIMIT) throw invalidParams(`limit must be an integer between 1 and ${MAX_LIMIT}`);
	return limit;
}

interface Keyed<T> {
	item: T;
	key: number | string;
	seq: number;
}

export function listResponse<T extends { id: string; seq: number }>(request: ApiRequest, spec: ListSpec<T>): ListEnvelope {
	const { query } = request;
	const limit = parseLimit(query);
	const orderBy = query.get('order_by') ?? spec.defaultOrderBy;
	if (!spec.orderBy.includes(orderBy)) throw invalidParams(`order_by must be one of ${spec.orderBy.join(', ')}`);
	const descending = orderBy.startsWith('-');
	const keyOf = spec.sortKeys[descending ? orderBy.slice(1) : orderBy];
	const direction = descending ? -1 : 1;
	const compare = (a: Keyed<T>, b: Keyed<T>) =>
		direction * (a.key < b.key ? -1 : a.key > b.key ? 1 : a.seq - b.seq);

	let cursor: Keyed<T> | undefined;
	const startingAfter = parseStringParam(query, 'starting_after');
	if (startingAfter !== undefined) {
		const item = spec.get(startingAfter);
		if (!item) throw invalidParams(`starting_after: ${noSuchObject(spec.label, startingAfter)}`);
		cursor = { item, key: keyOf(item), seq: item.seq };
	}

	const candidates: Keyed<T>[] = [];
	for (const item of spec.all()) {
		if (spec.filter && !spec.filter(item)) continue;
		const keyed = { item, key: keyOf(item), seq: item.seq };
		if (cursor && compare(keyed, cursor) <= 0) continue;
		candidates.push(keyed);
	}
	const page = smallest(candidates, limit + 1, compare);
	const hasMore = page.length > limit;
	const data = page.slice(0, limit);
	return {
		object: 'list',
		data: data.map((keyed) => spec.toJson(keyed.item)),
		has_more: hasMore,
		url: request.path,
		next_page_url: hasMore ? nextPageUrl(request, data[data.length - 1].item.id) : null,
	};
}

/**
 * The `count` smallest items in order. A full sort of a 20,000-record collection on every page
 * would make the emulator, not the client, the bottleneck of Get Many benchmarks.
 */
function smallest<T>(items: T[], count: number, compare: (a: T, b: T) => number): T[] {
	if (items.length <= count * 4) return items.sort(compare).slice(0, count);
	const kept: T[] = [];
	for (const item of items) {
		if (kept.length === count && compare(item, kept[count - 1]) >= 0) continue;
		let low = 0;
		let high = kept.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (compare(item, kept[middle]) < 0) high = middle;
			else low = middle + 1;
		}
		kept.splice(low, 0, item);
		if (kept.length > count) kept.pop();
	}
	return kept;
}

/** The request's own path and query with `starting_after` set to the page's last id. */
function nextPageUrl(request: ApiRequest, lastId: string): string {
	const parts = request.rawQuery
		.split('&')
		.filter((part) => part !== '' && decodeURIComponent(part.split('=')[0].replace(/\+/g, ' ')) !== 'starting_after');
	parts.push(`starting_after=${encodeURIComponent(lastId)}`);
	return `${request.path}?${parts.join('&')}`;
}
