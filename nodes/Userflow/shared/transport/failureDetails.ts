/**
 * Reads what the request layer needs from whatever n8n's HTTP helpers threw: a
 * `NodeApiError` wrapping an axios error, or the axios error itself.
 */
export interface FailureDetails {
	status?: number;
	networkCode?: string;
	/** The client gave up waiting (the attempt's timeout), as opposed to a dropped connection. */
	timedOut: boolean;
	retryAfterHeader?: unknown;
	/** A redirect's `Location` header, when the answer was a 3xx. */
	location?: string;
	/** Userflow's `{"error": {"code", "message"}}` body, when there is one. */
	userflowError?: { code?: string; message?: string };
}

interface ErrorLike {
	httpCode?: string | null;
	code?: string;
	message?: string;
	cause?: ErrorLike;
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
	context?: { data?: unknown };
}

/**
 * The errors inside one another: n8n wraps the axios error in a NodeApiError, n8n 1.x wraps
 * that NodeApiError once more, and axios keeps the socket's error as its cause.
 */
function causeChain(outer: ErrorLike): ErrorLike[] {
	const chain = [outer];
	for (let error = outer; chain.length < 6 && error.cause && typeof error.cause === 'object'; error = error.cause) chain.push(error.cause);
	return chain;
}

/** Node's TLS verification codes: DEPTH_ZERO_SELF_SIGNED_CERT, UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED, ... */
const CERTIFICATE_CODE = /^([A-Z_]*(CERT|SELF_SIGNED)[A-Z_]*|UNABLE_TO_[A-Z_]+)$/;
/** Socket errors (ECONNRESET, UND_ERR_SOCKET). */
const SOCKET_CODE = /^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/;

/** The certificate of the server was not trusted (never worth resending). */
export const isCertificateProblem = (code: string): boolean => CERTIFICATE_CODE.test(code);

const isNetworkCode = (code: unknown): code is string => typeof code === 'string' && (SOCKET_CODE.test(code) || CERTIFICATE_CODE.test(code));

export function readFailure(error: unknown): FailureDetails {
	const outer = (error ?? {}) as ErrorLike;
	const chain = causeChain(outer);
	const response = chain.find((entry) => entry.response)?.response;
	const statusText = outer.httpCode ?? undefined;
	const status = response?.status ?? (statusText && /^\d{3}$/.test(statusText) ? Number(statusText) : undefined);
	const networkCode =
		status === undefined ? chain.map((entry) => entry.code).find(isNetworkCode) : undefined;
	const body = (response?.data ?? outer.context?.data) as { error?: { code?: string; message?: string } } | undefined;
	const location = headerValue(response?.headers, 'location');
	const text = chain.map((entry) => entry.message ?? '').join(' ');
	return {
		status,
		networkCode,
		timedOut:
			networkCode !== undefined && ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'].includes(networkCode) && /timeout|timed out/i.test(text),
		retryAfterHeader: headerValue(response?.headers, 'retry-after'),
		location: typeof location === 'string' ? location : undefined,
		userflowError: body && typeof body === 'object' && body.error && typeof body.error === 'object' ? body.error : undefined,
	};
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): unknown {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}
