/** Public types of the Userflow emulator: options, stored records and recorded requests. */
import type { WebhookDeliveryOptions } from './webhooks/types';

export interface RateLimitOptions {
	/** Tokens added per second to each API key's bucket. */
	perSecond: number;
	/** Bucket size; defaults to perSecond. */
	burst?: number;
	/** Send an integer-seconds `Retry-After` header on 429 (Userflow documents none, so off by default). */
	retryAfter?: boolean;
}

export interface FaultOptions {
	/** Share (0..1) of requests answered 500 or 503. */
	serverErrorRate?: number;
	/** Share (0..1) of requests whose socket is destroyed without an answer. */
	resetRate?: number;
	/** Share (0..1) of requests answered normally but after an extra `slowMs`. */
	slowRate?: number;
	/** Extra delay of a slow response; default 1000. */
	slowMs?: number;
	/** PRNG seed, so a fault sequence can be replayed; default 1. */
	seed?: number;
	/** When true, a 5xx/reset on a write (POST, PATCH, DELETE) happens after the write was applied. */
	faultAfterWrite?: boolean;
}

/** Every request is answered with this redirect (before auth: as a redirecting proxy would). */
export interface RedirectOptions {
	status: 301 | 302 | 303 | 307 | 308;
	/** The `Location` header, sent as given (absolute or relative). */
	location: string;
}

/**
 * Successful list answers (GET, status 200) turned into something a client must refuse:
 * - `noData`: the envelope without its `data` array;
 * - `html`: an HTML page with status 200 (a proxy's sign-in page);
 * - `errorBody`: `{"error": {...}}` with status 200;
 * - `missingIds`: every item without its `id`;
 * - `hasMoreForever`: `has_more: true` on every page, the last (empty) one included;
 * - `ignoreStartingAfter`: the cursor is ignored, every page is the first one.
 */
export type MalformedAnswerKind = 'noData' | 'html' | 'errorBody' | 'missingIds' | 'hasMoreForever' | 'ignoreStartingAfter';

export interface MalformedAnswerOptions {
	kind: MalformedAnswerKind;
	/** Only answers to these exact paths (e.g. `['/users']`); default: every list. */
	paths?: string[];
}

/**
 * Timestamps shown for chosen records, by id, in every answer that contains them (garbage,
 * year 9999, ...). The records keep their real place in list order.
 */
export type StampOverrides = Record<string, Partial<Record<'created_at' | 'completed_at' | 'last_activity_at', string | null>>>;

/** The other forms of an expanded sub-list the contract leaves open (see EmulatorOptions). */
export type ExpandedListForm = 'listObject' | 'partialListObject';

export interface EmulatorOptions {
	/** Accepted keys; default ['ak_emulator_test_key']. Every key sees the same store. */
	apiKeys?: string[];
	/** Port on 127.0.0.1; default 0 (random). */
	port?: number;
	/** Delay added before answering each request; default 0. */
	latencyMs?: number;
	/** Token bucket per API key; null/undefined = unlimited. */
	rateLimit?: RateLimitOptions | null;
	/** Injected failures; null/undefined = none. */
	faults?: FaultOptions | null;
	/** false (default): a missing `Userflow-Version` header is only flagged; true: answered 400. */
	strictVersionHeader?: boolean;
	/** Answer every request with a redirect; null/undefined = off. */
	redirect?: RedirectOptions | null;
	/** Malformed successful list answers; null/undefined = off. */
	malformed?: MalformedAnswerOptions | null;
	/** Odd timestamps shown for chosen records; null/undefined = off. */
	stamps?: StampOverrides | null;
	/**
	 * Expanded sub-lists (`memberships`, `groups`, `users` of a record) as list objects
	 * `{"object": "list", "data", "has_more"}` instead of bare arrays; `partialListObject` also
	 * says `has_more: true`. null/undefined = bare arrays.
	 */
	expandedLists?: ExpandedListForm | null;
	/** How notifications are delivered to webhook subscriptions (delay, retries, wrong or stale signatures, redeliveries). */
	webhooks?: WebhookDeliveryOptions;
	/**
	 * Milliseconds clock used for the rate limiter and new records' timestamps; default Date.now.
	 * Lets tests drive the token bucket without waiting on the wall clock.
	 */
	clock?: () => number;
}

export interface RecordedRequest {
	method: string;
	/** Path without query string, e.g. `/users/u1`. */
	path: string;
	/** Query parameters; a repeated key (e.g. `expand[]`) becomes an array. */
	query: Record<string, string | string[]>;
	/** Request headers, names lower-cased. */
	headers: Record<string, string>;
	/** Parsed JSON body, the raw text if it was not JSON, undefined when empty. */
	body: unknown;
	/** Status answered; 0 when the connection was reset without an answer. */
	status: number;
	/** Epoch ms when the request arrived. */
	at: number;
	/** The accepted API key, when the request authenticated. */
	apiKey?: string;
	versionHeaderMissing: boolean;
	/** The client's TCP port: tells which local process sent it (the queue-mode e2e scenario). */
	remotePort?: number;
}

/** A stored attribute map: values are plain JSON values (null is never stored; it clears). */
export type AttributeMap = Record<string, unknown>;

/** Fields every stored record has: `seq` breaks ties of equal sort keys by insertion order. */
export interface StoredRecord {
	id: string;
	/** Userflow timestamp, e.g. `2022-11-29T12:34:56.000+00:00`. */
	created_at: string;
	seq: number;
}

export interface StoredUser extends StoredRecord {
	attributes: AttributeMap;
}

export interface StoredGroup extends StoredRecord {
	attributes: AttributeMap;
}

export interface StoredMembership {
	user_id: string;
	group_id: string;
	attributes: AttributeMap;
	created_at: string;
	seq: number;
}

export interface StoredEvent extends StoredRecord {
	name: string;
	user_id: string | null;
	group_id: string | null;
	attributes: AttributeMap;
	/** When the event happened (the request's `time`, or the time it was received). */
	time: string;
}

export type ContentType = 'flow' | 'checklist' | 'launcher';

export interface StoredContentVersion {
	id: string;
	number: number;
	created_at: string;
}

export interface StoredContent extends StoredRecord {
	type: ContentType;
	name: string;
	draft_version: StoredContentVersion;
	published_version: StoredContentVersion | null;
}

export interface StoredAnswer {
	id: string;
	question_id: string;
	question_name: string;
	answer_type: string;
	answer_value: unknown;
	created_at: string;
}

export interface StoredContentSession extends StoredRecord {
	content_id: string;
	version_id: string;
	user_id: string;
	group_id: string | null;
	completed: boolean;
	completed_at: string | null;
	last_activity_at: string;
	is_preview: boolean;
	progress: number | null;
	answers: StoredAnswer[];
}

export type AttributeScope = 'user' | 'group' | 'group_membership' | 'event';
export type AttributeDataType = 'string' | 'number' | 'boolean' | 'datetime' | 'list';

export interface StoredAttributeDefinition extends StoredRecord {
	name: string;
	display_name: string;
	description: string | null;
	scope: AttributeScope;
	data_type: AttributeDataType;
}

export interface StoredEventDefinition extends StoredRecord {
	name: string;
	display_name: string;
	description: string | null;
}

export interface StoredWebhookSubscription extends StoredRecord {
	url: string;
	topics: string[];
	api_version: string;
	disabled: boolean;
	secret: string;
}
