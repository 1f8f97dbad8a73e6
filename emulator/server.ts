/** The HTTP side: auth, version header, rate limit, faults, latency, recording, routing. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AnswerModes, isRawAnswer, type RawAnswer } from './answerModes';
import { ApiError, invalidRequest, unauthorized } from './errors';
import { FaultInjector, type Fault } from './faults';
import type { ApiResponse } from './handlers/context';
import { RateLimiter } from './rateLimiter';
import type { ApiRequest } from './request';
import { findHandler, isWrite } from './router';
import * as seeding from './seed';
import { EmulatorStore } from './store';
import type { EmulatorOptions, RecordedRequest } from './types';
import { USERFLOW_VERSION } from './version';
import { WebhookDispatcher } from './webhooks/dispatcher';
import type { DeliveryRecord } from './webhooks/types';

export const DEFAULT_API_KEY = 'ak_emulator_test_key';

export interface UserflowEmulator {
	/** e.g. `http://127.0.0.1:43123` */
	readonly baseUrl: string;
	/** The first accepted key. */
	readonly apiKey: string;
	readonly store: EmulatorStore;
	/** Every request received, in arrival order. */
	readonly requests: RecordedRequest[];
	/** Webhook notifications sent (or on their way) to subscriptions, in the order queued. */
	readonly deliveries: DeliveryRecord[];
	/** Webhook delivery: `notifications`, `redeliver(id)`, `settled()`. */
	readonly webhooks: WebhookDispatcher;
	/** Runs a listener as each request arrives, before it is answered; undefined removes it. */
	onRequest(listener: RequestListener | undefined): void;
	/** Change keys, latency, rate limit, faults or version strictness at runtime. */
	configure(options: Partial<EmulatorOptions>): void;
	clearRequests(): void;
	/** Empties the store and the recorded requests (options stay). */
	reset(): void;
	seedUsers(count: number, options?: seeding.SeedOptions): string[];
	seedGroups(count: number, options?: seeding.SeedOptions): string[];
	seedContent(count: number, options?: seeding.ContentSeedOptions): string[];
	seedContentSessions(count: number, options: seeding.ContentSessionSeedOptions): string[];
	seedAttributeDefinitions(definitions: seeding.AttributeDefinitionSeed[]): string[];
	seedEventDefinitions(definitions: seeding.EventDefinitionSeed[]): string[];
	close(): Promise<void>;
}

/** Sees each request as it arrives, with how many have arrived so far (this one included). */
export type RequestListener = (request: RecordedRequest, count: number) => void;

type Sleeper = { timer: NodeJS.Timeout; wake: () => void };

class Emulator implements UserflowEmulator {
	readonly store: EmulatorStore;
	readonly requests: RecordedRequest[] = [];
	readonly webhooks: WebhookDispatcher;
	private requestListener: RequestListener | undefined;
	private readonly server = http.createServer((req, res) => void this.handle(req, res));
	private readonly clock: () => number;
	private apiKeys: string[] = [DEFAULT_API_KEY];
	private latencyMs = 0;
	private strictVersionHeader = false;
	private rateLimiter: RateLimiter | null = null;
	private faults: FaultInjector | null = null;
	private readonly answerModes = new AnswerModes();
	private readonly sleepers = new Set<Sleeper>();
	private closed = false;

	constructor(options: EmulatorOptions) {
		this.clock = options.clock ?? Date.now;
		this.store = new EmulatorStore(this.clock);
		this.webhooks = new WebhookDispatcher(this.store);
		this.configure(options);
	}

	get deliveries(): DeliveryRecord[] {
		return this.webhooks.deliveries;
	}

	get baseUrl(): string {
		const address = this.server.address() as AddressInfo;
		return `http://127.0.0.1:${address.port}`;
	}

	get apiKey(): string {
		return this.apiKeys[0];
	}

	listen(port: number): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => resolve());
		});
	}

	configure(options: Partial<EmulatorOptions>): void {
		if (options.apiKeys !== undefined) {
			if (options.apiKeys.length === 0 || options.apiKeys.some((key) => !key)) throw new Error('apiKeys needs at least one non-empty key');
			this.apiKeys = [...options.apiKeys];
		}
		if (options.latencyMs !== undefined) this.latencyMs = Math.max(0, options.latencyMs);
		if (options.strictVersionHeader !== undefined) this.strictVersionHeader = options.strictVersionHeader;
		// A new limit or fault plan starts afresh: full buckets, PRNG back at its seed.
		if (options.rateLimit !== undefined) this.rateLimiter = options.rateLimit ? new RateLimiter(options.rateLimit, this.clock) : null;
		if (options.faults !== undefined) this.faults = options.faults ? new FaultInjector(options.faults) : null;
		if (options.redirect !== undefined) this.answerModes.redirect = options.redirect;
		if (options.malformed !== undefined) this.answerModes.malformed = options.malformed;
		if (options.stamps !== undefined) this.answerModes.stamps = options.stamps;
		if (options.expandedLists !== undefined) this.answerModes.expandedLists = options.expandedLists;
		if (options.webhooks !== undefined) this.webhooks.configure(options.webhooks);
	}

	/**
	 * Runs `listener` as each request arrives, before it is answered (tests use it to change
	 * the store "during" a poll, or to switch faults on mid-run). One listener; undefined removes it.
	 */
	onRequest(listener: RequestListener | undefined): void {
		this.requestListener = listener;
	}

	clearRequests(): void {
		this.requests.length = 0;
	}

	reset(): void {
		this.store.clear();
		this.clearRequests();
		this.webhooks.clear();
	}

	seedUsers(count: number, options?: seeding.SeedOptions): string[] {
		return seeding.seedUsers(this.store, count, options);
	}
	seedGroups(count: number, options?: seeding.SeedOptions): string[] {
		return seeding.seedGroups(this.store, count, options);
	}
	seedContent(count: number, options?: seeding.ContentSeedOptions): string[] {
		return seeding.seedContent(this.store, count, options);
	}
	seedContentSessions(count: number, options: seeding.ContentSessionSeedOptions): string[] {
		return seeding.seedContentSessions(this.store, count, options);
	}
	seedAttributeDefinitions(definitions: seeding.AttributeDefinitionSeed[]): string[] {
		return seeding.seedAttributeDefinitions(this.store, definitions);
	}
	seedEventDefinitions(definitions: seeding.EventDefinitionSeed[]): string[] {
		return seeding.seedEventDefinitions(this.store, definitions);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.webhooks.close();
		for (const sleeper of this.sleepers) {
			clearTimeout(sleeper.timer);
			sleeper.wake();
		}
		this.sleepers.clear();
		const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		await closing;
	}

	private sleep(ms: number): Promise<void> {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const sleeper: Sleeper = {
				timer: setTimeout(() => {
					this.sleepers.delete(sleeper);
					resolve();
				}, ms),
				wake: resolve,
			};
			this.sleepers.add(sleeper);
		});
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const at = this.clock();
		const startedAt = performance.now();
		let text: string;
		try {
			text = await readBody(req);
		} catch {
			return;
		}
		const url = new URL(req.url ?? '/', 'http://emulator.invalid');
		const method = (req.method ?? 'GET').toUpperCase();
		const record: RecordedRequest = {
			method,
			path: url.pathname,
			query: queryRecord(url.searchParams),
			headers: headerRecord(req.headers),
			body: text === '' ? undefined : parseOrRaw(text),
			status: 0,
			at,
			versionHeaderMissing: req.headers['userflow-version'] === undefined,
			remotePort: req.socket.remotePort,
		};
		this.requests.push(record);
		// Called before the request is answered: a store change made here is what it sees.
		this.requestListener?.(record, this.requests.length);

		const send = ({ status, body }: ApiResponse, headers: Record<string, string> = {}) => {
			record.status = status;
			if (res.destroyed) return;
			res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
			res.end(JSON.stringify(body));
		};
		const resetConnection = () => {
			record.status = 0;
			req.socket.destroy();
		};

		const outcome = this.decide(req, method, url, text, record);
		// Answer no sooner than latencyMs (+ slowMs) after arrival: like a remote server, the work
		// happens within the round trip instead of adding to it.
		await this.sleep(this.latencyMs + outcome.extraDelayMs - (performance.now() - startedAt));
		if (this.closed || outcome.kind === 'reset') return resetConnection();
		if (outcome.kind === 'raw') {
			record.status = outcome.answer.status;
			if (res.destroyed) return;
			res.writeHead(outcome.answer.status, { 'Content-Type': outcome.answer.contentType });
			return void res.end(outcome.answer.text);
		}
		send(outcome.response, outcome.headers);
	}

	/** Everything but the waiting: auth, version, rate limit, faults and the handler itself. */
	private decide(req: http.IncomingMessage, method: string, url: URL, text: string, record: RecordedRequest): Outcome {
		let extraDelayMs = 0;
		let pendingFault: Fault = { kind: 'none' };
		let response: ApiResponse;
		let headers: Record<string, string> = {};
		const redirect = this.answerModes.redirectFor();
		if (redirect) return { kind: 'answer', response: redirect.response, headers: redirect.headers, extraDelayMs: 0 };
		try {
			const key = bearerKey(req.headers.authorization);
			if (key === undefined || !this.apiKeys.includes(key)) throw unauthorized();
			record.apiKey = key;

			const version = req.headers['userflow-version'];
			if (version === undefined && this.strictVersionHeader) {
				throw invalidRequest(`Missing header Userflow-Version (send '${USERFLOW_VERSION}')`);
			}
			if (version !== undefined && version !== USERFLOW_VERSION) {
				throw invalidRequest(`Unknown Userflow-Version '${version}' (the only version is '${USERFLOW_VERSION}')`);
			}

			const decision = this.rateLimiter?.take(key) ?? { allowed: true };
			if (!decision.allowed) {
				if (this.rateLimiter?.sendsRetryAfter) headers = { 'Retry-After': String(decision.retryAfterSeconds) };
				throw new ApiError(429, 'rate_limited', 'Too many requests for this API key. Slow down and retry later.');
			}

			const fault = this.faults?.next() ?? { kind: 'none' };
			if (fault.kind === 'slow') extraDelayMs = fault.ms;
			if (fault.kind === 'server_error' || fault.kind === 'reset') {
				if (!(this.faults?.afterWrite && isWrite(method))) return faultOutcome(fault);
				pendingFault = fault;
			}

			const segments = pathSegments(url.pathname);
			const handler = findHandler(method, segments);
			const request: ApiRequest = this.answerModes.beforeHandler({
				method,
				path: url.pathname,
				segments,
				query: url.searchParams,
				rawQuery: url.search.replace(/^\?/, ''),
				body: method === 'POST' || method === 'PATCH' ? jsonBody(req.headers['content-type'], text) : undefined,
			});
			const answer = this.answerModes.afterHandler(request, handler(request, this.store));
			if (isRawAnswer(answer)) {
				if (pendingFault.kind !== 'none') return faultOutcome(pendingFault);
				return { kind: 'raw', answer, extraDelayMs };
			}
			response = answer;
		} catch (error) {
			response = toErrorResponse(error);
		}
		if (pendingFault.kind !== 'none') return faultOutcome(pendingFault);
		return { kind: 'answer', response, headers, extraDelayMs };
	}
}

type Outcome =
	| { kind: 'answer'; response: ApiResponse; headers: Record<string, string>; extraDelayMs: number }
	| { kind: 'raw'; answer: RawAnswer; extraDelayMs: number }
	| { kind: 'reset'; extraDelayMs: number };

function faultOutcome(fault: Fault): Outcome {
	if (fault.kind === 'server_error') {
		const code = fault.status === 503 ? 'service_unavailable' : 'internal_error';
		const response = { status: fault.status, body: { error: { code, message: 'Injected fault: the server failed' } } };
		return { kind: 'answer', response, headers: {}, extraDelayMs: 0 };
	}
	return { kind: 'reset', extraDelayMs: 0 };
}


function toErrorResponse(error: unknown): ApiResponse {
	if (error instanceof ApiError) return { status: error.status, body: error.toBody() };
	// A bug in the emulator itself: answer like Userflow would, but keep the reason visible.
	return { status: 500, body: { error: { code: 'internal_error', message: `Emulator bug: ${String(error)}` } } };
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseOrRaw(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** POST/PATCH bodies must be `application/json` and valid JSON. */
function jsonBody(contentType: string | undefined, text: string): unknown {
	const mediaType = contentType?.split(';')[0].trim().toLowerCase();
	if (mediaType !== 'application/json') throw invalidRequest('Content-Type must be application/json');
	try {
		return JSON.parse(text);
	} catch {
		throw invalidRequest('The request body is not valid JSON');
	}
}

function bearerKey(header: string | undefined): string | undefined {
	const match = /^Bearer (\S+)$/.exec(header ?? '');
	return match?.[1];
}

/** Decoded segments; an empty segment (`/users/`, `//users`) matches no route. */
function pathSegments(pathname: string): string[] {
	const segments = pathname.split('/').slice(1);
	if (segments.some((segment) => segment === '')) return ['', ...segments];
	try {
		return segments.map((segment) => decodeURIComponent(segment));
	} catch {
		throw invalidRequest('Malformed percent-encoding in path');
	}
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
	const record: Record<string, string | string[]> = {};
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key);
		record[key] = values.length === 1 ? values[0] : values;
	}
	return record;
}

function headerRecord(headers: http.IncomingHttpHeaders): Record<string, string> {
	const record: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) record[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return record;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<UserflowEmulator> {
	const emulator = new Emulator(options);
	await emulator.listen(options.port ?? 0);
	return emulator;
}
