/**
 * Hostile answers on demand, for the client's tests: a redirecting Base URL, malformed
 * "successful" list answers, records whose timestamps are garbage or far in the future, and
 * expanded sub-lists in the list-object form the contract leaves open.
 * Off unless configured (`redirect`, `malformed`, `stamps`, `expandedLists` in EmulatorOptions).
 */
import type { ApiResponse } from './handlers/context';
import type { ApiRequest } from './request';
import type { ExpandedListForm, MalformedAnswerOptions, RedirectOptions, StampOverrides } from './types';

/** An answer sent as raw text rather than JSON (e.g. an HTML page with status 200). */
export interface RawAnswer {
	status: number;
	contentType: string;
	text: string;
}

export const HTML_PAGE = '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in to continue.</body></html>';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isList(body: unknown): body is Json & { data: unknown[] } {
	return isObject(body) && body.object === 'list' && Array.isArray(body.data);
}

export class AnswerModes {
	redirect: RedirectOptions | null = null;

	malformed: MalformedAnswerOptions | null = null;

	stamps: StampOverrides | null = null;

	expandedLists: ExpandedListForm | null = null;

	/** The redirect every request gets while the mode is on (checked before anything else). */
	redirectFor(): { response: ApiResponse; headers: Record<string, string> } | undefined {
		if (!this.redirect) return undefined;
		return {
			response: { status: this.redirect.status, body: { moved: this.redirect.location } },
			headers: { Location: this.redirect.location },
		};
	}

	private appliesTo(request: ApiRequest): boolean {
		if (!this.malformed || request.method !== 'GET') return false;
		return !this.malformed.paths || this.malformed.paths.includes(request.path);
	}

	/** `ignoreStartingAfter`: the handler answers as if no cursor had been given. */
	beforeHandler(request: ApiRequest): ApiRequest {
		if (!this.appliesTo(request) || this.malformed?.kind !== 'ignoreStartingAfter') return request;
		const query = new URLSearchParams(request.query);
		query.delete('starting_after');
		return { ...request, query, rawQuery: query.toString() };
	}

	/** Rewrites a successful answer the way the configured modes say. */
	afterHandler(request: ApiRequest, response: ApiResponse): ApiResponse | RawAnswer {
		if (response.status !== 200) return response;
		const restamped = this.stamps ? restamp(response.body, this.stamps) : response.body;
		const body = this.expandedLists ? asListObjects(restamped, this.expandedLists === 'partialListObject') : restamped;
		if (!this.appliesTo(request) || !isList(body)) return { ...response, body };
		switch (this.malformed?.kind) {
			case 'noData': {
				const { data: _data, ...rest } = body;
				return { status: 200, body: rest };
			}
			case 'html':
				return { status: 200, contentType: 'text/html; charset=utf-8', text: HTML_PAGE };
			case 'errorBody':
				return { status: 200, body: { error: { code: 'internal_error', message: 'Something went wrong' } } };
			case 'missingIds':
				return {
					status: 200,
					body: { ...body, data: body.data.map((item) => (isObject(item) ? withoutId(item) : item)) },
				};
			case 'hasMoreForever':
				return { status: 200, body: { ...body, has_more: true } };
			default:
				return { ...response, body };
		}
	}
}

function withoutId(item: Json): Json {
	const { id: _id, ...rest } = item;
	return rest;
}

/** Shows the chosen records' timestamps as configured; their place in the list stays. */
function restamp(body: unknown, stamps: StampOverrides): unknown {
	const apply = (item: unknown) => {
		if (!isObject(item) || typeof item.id !== 'string' || !Object.hasOwn(stamps, item.id)) return item;
		return { ...item, ...stamps[item.id] };
	};
	if (isList(body)) return { ...body, data: body.data.map(apply) };
	return apply(body);
}

export function isRawAnswer(answer: ApiResponse | RawAnswer): answer is RawAnswer {
	return 'text' in answer;
}

const SUB_LISTS = ['memberships', 'groups', 'users'] as const;

/** A record's expanded sub-lists (and those of the records inside them) as list objects. */
function asListObjects(body: unknown, partial: boolean): unknown {
	if (Array.isArray(body)) return body.map((entry) => asListObjects(entry, partial));
	if (!isObject(body)) return body;
	const copy: Json = {};
	for (const [key, value] of Object.entries(body)) {
		const wrapped = asListObjects(value, partial);
		copy[key] =
			body.object !== 'list' && (SUB_LISTS as readonly string[]).includes(key) && Array.isArray(wrapped)
				? { object: 'list', data: wrapped, has_more: partial, url: null }
				: wrapped;
	}
	return copy;
}
