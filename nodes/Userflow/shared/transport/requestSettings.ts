import { NodeOperationError, type IHttpRequestOptions, type INode } from 'n8n-workflow';

import { DEFAULT_ATTEMPT_TIMEOUT_MS } from './retryPolicy';

/**
 * How every request of the package travels, hand-made or declarative, so all requests of a
 * run behave the same:
 *
 * - Redirects are never followed. n8n's HTTP helper would follow them, put the
 *   Authorization header back on a cross-origin hop, turn a POST into a GET on 301/302 and
 *   forward the body on 307/308: a redirecting Base URL or proxy would receive the key and
 *   the data for somewhere else, and a write could "succeed" as a read. A 3xx fails instead.
 * - The node's Settings → Request Options (Timeout, Proxy, Ignore SSL Issues), which n8n adds
 *   to declarative nodes and applies to their requests, apply to hand-made requests too
 *   (trigger polls, list searches, read-then-write, definitions lookups). Without a Timeout
 *   set, n8n's own default for declarative requests is used.
 */
export interface TransportSettings {
	timeoutMs: number;
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
}

interface RequestOptionsParameter {
	timeout?: unknown;
	proxy?: unknown;
	allowUnauthorizedCerts?: unknown;
}

interface ParameterContext {
	getNode(): INode;
	getNodeParameter?: (name: string, fallback?: unknown) => unknown;
}

function readParameter(ctx: ParameterContext): RequestOptionsParameter {
	if (typeof ctx.getNodeParameter !== 'function') return {};
	try {
		const value = ctx.getNodeParameter('requestOptions', {});
		return value && typeof value === 'object' ? (value as RequestOptionsParameter) : {};
	} catch {
		// Nodes without Request Options (the trigger) use the defaults.
		return {};
	}
}

/** The proxy as n8n's RoutingNode reads it: a URL with host and port, optional user:password. */
function parseProxy(node: INode, proxy: string): IHttpRequestOptions['proxy'] {
	let url: URL;
	try {
		url = new URL(proxy);
	} catch {
		throw new NodeOperationError(node, 'The proxy is not valid', {
			description: 'Settings → Request Options → Proxy must be a URL such as http://proxy.example.com:8080',
		});
	}
	if (!url.hostname || !url.port) {
		throw new NodeOperationError(node, 'The proxy is not valid', {
			description: `The proxy URL does not contain a valid value for "${url.hostname ? 'port' : 'host'}"`,
		});
	}
	return {
		host: url.hostname,
		port: Number(url.port),
		protocol: url.protocol.replace(/:$/, '') || undefined,
		...(url.username ? { auth: { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } } : {}),
	};
}

export function readTransportSettings(ctx: ParameterContext): TransportSettings {
	const raw = readParameter(ctx);
	const timeout = Number(raw.timeout);
	const settings: TransportSettings = {
		timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_ATTEMPT_TIMEOUT_MS,
	};
	if (typeof raw.proxy === 'string' && raw.proxy.trim() !== '') settings.proxy = parseProxy(ctx.getNode(), raw.proxy.trim());
	if (raw.allowUnauthorizedCerts === true) settings.skipSslCertificateValidation = true;
	return settings;
}

/** Applies the settings to a hand-made request; never follows a redirect. */
export function withTransportSettings(request: IHttpRequestOptions, settings: TransportSettings): IHttpRequestOptions {
	const result: IHttpRequestOptions = { ...request, disableFollowRedirect: true, timeout: settings.timeoutMs };
	if (settings.proxy) result.proxy = settings.proxy;
	if (settings.skipSslCertificateValidation) result.skipSslCertificateValidation = true;
	return result;
}
