/**
 * Hostile answers on demand, for the client's tests: a redirecting Base URL, malformed
 * "successful" list answers, and records whose timestamps are garbage or far in the future.
 * Off unless configured (`redirect`, `malformed`, `stamps` in EmulatorOptions).
 */
import type { ApiResponse } from './handlers/context';
import type { ApiRequest } from './request';
import type { MalformedAnswerOptions, RedirectOptions, StampOverrides } from './types';

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
		const body = this.stamps ? restamp(response.body, this.stamps) : response.body;
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
