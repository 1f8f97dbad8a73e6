import type {
	DeclarativeRestApiSettings,
	FunctionsBase,
	IAllExecuteFunctions,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	RequestHelperFunctions,
} from 'n8n-workflow';

import { resolveBaseUrl } from './baseUrl';
import { toUserflowError, type FailureSubject } from './errorMessages';
import { gateFor } from './gateRegistry';
import { pacedRequest } from './pacedRequest';
import { readPacingSettings, type PacingSettings } from './pacingOptions';
import type { RetryMode } from './retryPolicy';
import { DEFAULT_RETRY_LIMITS } from './retryPolicy';

/**
 * The package's one way to Userflow. Declarative operations reach it through
 * `sendDeclarative` (from their pagination hook), everything hand-made (trigger polls,
 * list searches, read-then-write operations) through `userflowApiRequest`. Both pace by
 * API key, retry by policy and explain failures through the one error table.
 */
export const CREDENTIAL_TYPE = 'userflowApi';

type Context = FunctionsBase & { helpers: RequestHelperFunctions };

export interface CallOptions {
	mode: RetryMode;
	subject?: Omit<FailureSubject, 'itemIndex'>;
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
	return { baseUrl, settings, gate: gateFor(apiKey, baseUrl, settings.maxPerSecond) };
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
	options: CallOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = options.itemIndex ?? ctx.getItemIndex();
	const { gate, settings, baseUrl } = await gateAndPacing(ctx, options.pacing);
	requestData.options.baseURL = baseUrl;
	try {
		return await pacedRequest(async () => await ctx.makeRoutingRequest(requestData), {
			gate,
			mode: options.mode,
			limits: settings.limits,
		});
	} catch (error) {
		throw toUserflowError(ctx.getNode(), error, { itemIndex, ...options.subject }, options.mode);
	}
}

export interface UserflowCall {
	method: IHttpRequestMethods;
	/** A path such as `/users/u1`, or a `next_page_url` (path or full URL). */
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/** Sends a hand-made request and returns Userflow's JSON answer. */
export async function userflowApiRequest<T = IDataObject>(
	ctx: Context,
	call: UserflowCall,
	options: CallOptions,
): Promise<T> {
	const { gate, settings, baseUrl } = await gateAndPacing(ctx, options.pacing);
	const request: IHttpRequestOptions = {
		method: call.method,
		url: call.url,
		qs: call.qs,
		body: call.body,
		json: true,
	};
	if (!/^https?:\/\//i.test(call.url)) request.baseURL = baseUrl;
	try {
		return (await pacedRequest(
			async () => (await ctx.helpers.httpRequestWithAuthentication.call(
					ctx as unknown as IAllExecuteFunctions,
					CREDENTIAL_TYPE,
					request,
				)) as T,
			{ gate, mode: options.mode, limits: settings.limits },
		)) as T;
	} catch (error) {
		throw toUserflowError(ctx.getNode(), error, { itemIndex: options.itemIndex ?? 0, ...options.subject }, options.mode);
	}
}
