import type {
	DeclarativeRestApiSettings,
	FunctionsBase,
	IAllExecuteFunctions,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	RequestHelperFunctions,
} from 'n8n-workflow';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resolveBaseUrl } from './baseUrl';
import { toUserflowError, type FailureSubject } from './errorMessages';
import { gateFor } from './gateRegistry';
import { bodyForTransport } from './jsonBody';
import { redactSecrets } from './redaction';
import { ALREADY_DONE, pacedRequest } from './pacedRequest';
import { readPacingSettings, type PacingSettings } from './pacingOptions';
import { readTransportSettings, withTransportSettings } from './requestSettings';
import { resendDecision } from './resendRule';
import { DEFAULT_ATTEMPT_TIMEOUT_MS, DEFAULT_RETRY_LIMITS } from './retryPolicy';

/**
 * The package's one way to Userflow. Declarative operations reach it through
 * `sendDeclarative` (from their pagination hook), everything hand-made (trigger polls,
 * list searches, read-then-write operations) through `userflowApiRequest`. Both pace by
 * API key, decide from the request itself whether it may be resent (resendRule), never
 * follow a redirect, give every attempt a timeout, and explain failures through the one
 * error table.
 */
export const CREDENTIAL_TYPE = 'userflowApi';

type Context = FunctionsBase & { helpers: RequestHelperFunctions };

export interface CallOptions {
	subject?: Omit<FailureSubject, 'itemIndex'>;
	/** The item the request belongs to; leave out for trigger polls and list searches. */
	itemIndex?: number;
	/** Defaults to the node's Rate Limit Handling options when the node has them. */
	pacing?: PacingSettings;
}

interface Endpoint {
	apiKey: string;
	baseUrl: string;
}

/**
 * The credential's key and base URL, read once per node run rather than once per item:
 * n8n's RoutingNode itself resolves the credential once per run (item 0), and each
 * getCredentials call decrypts it again (in n8n, from the database). Keyed by the run's
 * execute data, the one object every item of a run shares; contexts without it (trigger
 * polls, list searches) read the credential each time.
 */
const endpointOfRun = new WeakMap<object, Promise<Endpoint>>();

async function readEndpoint(ctx: Context): Promise<Endpoint> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return { apiKey: String(credentials.apiKey ?? ''), baseUrl: resolveBaseUrl(credentials) };
}

async function endpointOf(ctx: Context): Promise<Endpoint> {
	const reader = ctx as unknown as { getExecuteData?: () => unknown };
	const run = typeof reader.getExecuteData === 'function' ? reader.getExecuteData() : undefined;
	if (typeof run !== 'object' || run === null) return await readEndpoint(ctx);
	let endpoint = endpointOfRun.get(run);
	if (!endpoint) {
		endpoint = readEndpoint(ctx);
		endpointOfRun.set(run, endpoint);
		// A failed read is not kept: the next item asks again and fails with its own error.
		endpoint.catch(() => endpointOfRun.delete(run));
	}
	return await endpoint;
}

async function gateAndPacing(ctx: Context, pacing: PacingSettings | undefined) {
	const { apiKey, baseUrl } = await endpointOf(ctx);
	const settings = pacing ?? readPacingSettingsSafely(ctx);
	return { apiKey, baseUrl, settings, gate: gateFor(apiKey, baseUrl, settings.maxPerSecond) };
}

/** True once the execution was cancelled: the layer then stops resending. */
function cancellationOf(ctx: Context): () => boolean {
	const reader = ctx as unknown as { getExecutionCancelSignal?: () => { aborted?: boolean } | undefined };
	return () => typeof reader.getExecutionCancelSignal === 'function' && reader.getExecutionCancelSignal()?.aborted === true;
}

function joinUrl(baseUrl: string, url: string | undefined): string {
	return /^https?:\/\//i.test(url ?? '') ? String(url) : `${baseUrl}${url ?? ''}`;
}

function readPacingSettingsSafely(ctx: Context): PacingSettings {
	const reader = ctx as unknown as { getNodeParameter?: (name: string, fallback?: unknown) => unknown };
	if (typeof reader.getNodeParameter !== 'function') return { limits: DEFAULT_RETRY_LIMITS };
	try {
		return readPacingSettings({ getNodeParameter: (name, fallback) => reader.getNodeParameter!(name, fallback) });
	} catch {
		return { limits: DEFAULT_RETRY_LIMITS };
	}
}

/** Sends a request n8n's routing already built (method, url, qs, body, headers). */
export async function sendDeclarative(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	options: Omit<CallOptions, 'itemIndex'> = {},
): Promise<INodeExecutionData[]> {
	const itemIndex = ctx.getItemIndex();
	const { apiKey, gate, settings, baseUrl } = await gateAndPacing(ctx, options.pacing);
	// n8n's RoutingNode already applied Settings → Request Options (timeout, proxy, SSL).
	requestData.options.baseURL = baseUrl;
	requestData.options.disableFollowRedirect = true;
	const { method, url, body } = requestData.options;
	const decision = resendDecision({ method, url, body });
	requestData.options.body = bodyForTransport(body);
	let answer: INodeExecutionData[] | typeof ALREADY_DONE;
	try {
		answer = await pacedRequest(
			async (timeoutMs) =>
				await ctx.makeRoutingRequest({ ...requestData, options: { ...requestData.options, timeout: timeoutMs } }),
			{
				gate,
				mode: decision.mode,
				limits: settings.limits,
				attemptTimeoutMs: requestData.options.timeout ?? DEFAULT_ATTEMPT_TIMEOUT_MS,
				notFoundMeansDone: decision.notFoundMeansDone,
				isCancelled: cancellationOf(ctx),
			},
		);
	} catch (error) {
		throw toUserflowError(ctx.getNode(), error, { itemIndex, ...options.subject }, {
			notResendableBecause: decision.because,
			secrets: [apiKey],
			requestUrl: joinUrl(baseUrl, url),
		});
	}
	if (answer === ALREADY_DONE) return [{ json: {} }];
	checkJsonAnswer(ctx, answer, method, itemIndex, apiKey);
	return answer;
}

/**
 * A 200 that is not JSON (an HTML page from a proxy or a captive portal) is no answer from
 * Userflow: never passed on as the item. DELETE's body is unknown in the contract (204, a
 * small JSON, perhaps a word of text): anything but an HTML page is taken as done.
 */
function checkJsonAnswer(
	ctx: IExecutePaginationFunctions,
	answer: INodeExecutionData[],
	method: string | undefined,
	itemIndex: number,
	apiKey: string,
): void {
	const odd = answer.find((item) => typeof item.json !== 'object' || item.json === null || Array.isArray(item.json));
	if (!odd) return;
	const isHtml = typeof odd.json === 'string' && /^\s*</.test(odd.json);
	if (method === 'DELETE' && !isHtml) return;
	const what = isHtml ? 'an HTML page' : 'not a JSON object';
	throw new NodeApiError(ctx.getNode(), {}, {
		message: `Userflow answered with success, but the answer is ${what}`,
		description: redactSecrets(
			"Something other than Userflow's API may have answered (a proxy or a wrong Base URL): check the Userflow credential. For a write, check in Userflow whether it was applied.",
			[apiKey],
		),
		itemIndex,
	});
}

export interface UserflowCall {
	method: IHttpRequestMethods;
	/** A path such as `/users/u1` (a full URL only on the credential's own origin). */
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/** Full URLs are followed only on the credential's own origin: the key goes nowhere else. */
function checkSameOrigin(ctx: Context, url: string, baseUrl: string): void {
	if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return;
	let origin: string | undefined;
	try {
		origin = new URL(url).origin;
	} catch {
		origin = undefined;
	}
	if (origin !== undefined && origin === new URL(baseUrl).origin) return;
	throw new NodeOperationError(ctx.getNode(), `Userflow's answer pointed at another address${origin ? ` (${origin})` : ''}; nothing was sent there`, {
		description: 'The package only talks to the Base URL or region of the Userflow credential.',
	});
}

/** Sends a hand-made request and returns Userflow's JSON answer. */
export async function userflowApiRequest<T = IDataObject>(
	ctx: Context,
	call: UserflowCall,
	options: CallOptions = {},
): Promise<T> {
	const { apiKey, gate, settings, baseUrl } = await gateAndPacing(ctx, options.pacing);
	checkSameOrigin(ctx, call.url, baseUrl);
	const transport = readTransportSettings(ctx as unknown as Parameters<typeof readTransportSettings>[0]);
	const body = bodyForTransport(call.body);
	const request = withTransportSettings(
		{
			method: call.method,
			url: call.url,
			qs: call.qs,
			body,
			json: true,
			...(typeof body === 'string' ? { headers: { 'Content-Type': 'application/json' } } : {}),
		},
		transport,
	);
	if (!/^https?:\/\//i.test(call.url)) request.baseURL = baseUrl;
	const decision = resendDecision(call);
	try {
		const answer = await pacedRequest(
			async (timeoutMs) =>
				(await ctx.helpers.httpRequestWithAuthentication.call(
					ctx as unknown as IAllExecuteFunctions,
					CREDENTIAL_TYPE,
					{ ...request, timeout: timeoutMs },
				)) as T,
			{
				gate,
				mode: decision.mode,
				limits: settings.limits,
				attemptTimeoutMs: transport.timeoutMs,
				notFoundMeansDone: decision.notFoundMeansDone,
				isCancelled: cancellationOf(ctx),
			},
		);
		return answer === ALREADY_DONE ? ({} as T) : answer;
	} catch (error) {
		throw toUserflowError(ctx.getNode(), error, { itemIndex: options.itemIndex, ...options.subject }, {
			notResendableBecause: decision.because,
			secrets: [apiKey],
			requestUrl: joinUrl(baseUrl, call.url),
		});
	}
}
