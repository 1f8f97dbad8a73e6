/**
 * WHETHER A FAILED REQUEST MAY BE SENT AGAIN: decided here, and only here, from what the
 * request carries (method, path, body). Callers do not choose.
 *
 * Sending a request twice must leave Userflow as sending it once. That holds for reads
 * (GET), deletes, and upserts whose every attribute value is a plain value, `set`,
 * `set_once`, `remove` or `null`: those are resent after any transient failure.
 *
 * It does not hold for `POST /events` (each call records one more event), for an upsert
 * carrying `add`, `subtract`, `append` or `prepend` anywhere (the user's attributes, a
 * group's, a membership's: `{"logins": {"add": 1}}` twice counts two), nor for any other
 * POST (a create). After a 5xx or a dropped connection Userflow may already have applied
 * those, so they are resent only where it cannot have: a 429, or a connection that was
 * never made (see `isRetryable`).
 */
import type { RetryMode } from './retryPolicy';

/** Change operations that apply again each time they are received. */
export const CUMULATIVE_OPERATIONS = ['add', 'subtract', 'append', 'prepend'] as const;

/** Why a request is not resent after an ambiguous failure; the error message says it. */
export type NotResendableBecause = 'event' | 'cumulativeChange' | 'creation';

export interface ResendDecision {
	mode: RetryMode;
	because?: NotResendableBecause;
	/** A DELETE resent after a failure that may have applied it: a 404 then means it is gone. */
	notFoundMeansDone: boolean;
}

export interface RequestShape {
	method?: string;
	/** A path (`/users/u1`) or a full URL. */
	url?: string;
	body?: unknown;
}

const RESENDABLE: ResendDecision = { mode: 'idempotent', notFoundMeansDone: false };

function pathOf(url: string | undefined): string {
	const withoutOrigin = (url ?? '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
	return withoutOrigin.split(/[?#]/)[0].replace(/\/+$/, '') || '/';
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when one attribute map holds a cumulative change operation. */
function hasCumulativeChange(attributes: unknown): boolean {
	if (!isObject(attributes)) return false;
	return Object.values(attributes).some(
		(value) => isObject(value) && CUMULATIVE_OPERATIONS.some((operation) => Object.hasOwn(value, operation)),
	);
}

function entriesOf(list: unknown): Array<Record<string, unknown>> {
	return Array.isArray(list) ? list.filter(isObject) : [];
}

/** Every attribute map a user or group upsert can carry, in both membership forms. */
function attributeMapsOf(body: Record<string, unknown>): unknown[] {
	const maps: unknown[] = [body.attributes];
	for (const group of entriesOf(body.groups)) maps.push(group.attributes);
	for (const membership of entriesOf(body.memberships)) {
		maps.push(membership.attributes);
		if (isObject(membership.group)) maps.push(membership.group.attributes);
	}
	return maps;
}

/** The body as an object; a body may travel as JSON text (see jsonBody.ts). */
function readBody(body: unknown): Record<string, unknown> | undefined {
	if (body === undefined || body === null) return {};
	if (typeof body === 'string') {
		try {
			const parsed: unknown = JSON.parse(body);
			return isObject(parsed) ? parsed : undefined;
		} catch {
			return undefined;
		}
	}
	return isObject(body) ? body : undefined;
}

export function resendDecision(request: RequestShape): ResendDecision {
	const method = (request.method ?? 'GET').toUpperCase();
	if (method === 'GET' || method === 'HEAD') return RESENDABLE;
	if (method === 'DELETE') return { mode: 'idempotent', notFoundMeansDone: true };
	// PATCH and PUT set fields to the values sent: twice is the same as once.
	if (method === 'PATCH' || method === 'PUT') return RESENDABLE;
	const path = pathOf(request.url);
	if (method === 'POST' && path === '/events') {
		return { mode: 'onlyIfNotApplied', because: 'event', notFoundMeansDone: false };
	}
	if (method === 'POST' && (path === '/users' || path === '/groups')) {
		const body = readBody(request.body);
		// A body that cannot be read cannot be shown to be safe to send twice.
		if (body === undefined) return { mode: 'onlyIfNotApplied', because: 'creation', notFoundMeansDone: false };
		return attributeMapsOf(body).some(hasCumulativeChange)
			? { mode: 'onlyIfNotApplied', because: 'cumulativeChange', notFoundMeansDone: false }
			: RESENDABLE;
	}
	// Any other write (e.g. creating a webhook subscription) creates something each time.
	return { mode: 'onlyIfNotApplied', because: 'creation', notFoundMeansDone: false };
}
