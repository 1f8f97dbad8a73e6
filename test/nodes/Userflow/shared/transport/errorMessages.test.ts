import { NodeApiError, type INode } from 'n8n-workflow';

import { toUserflowError } from '../../../../../nodes/Userflow/shared/transport/errorMessages';
import { PacedRequestFailure } from '../../../../../nodes/Userflow/shared/transport/pacedRequest';

const node: INode = {
	id: 'n1',
	name: 'Userflow',
	type: 'n8n-nodes-userflow.userflow',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const SECRET = 'ak_live_supersecret_123';

/** What n8n's httpRequestWithAuthentication throws: a NodeApiError around an axios error. */
function n8nHttpError(status: number, data: unknown, headers: Record<string, string> = {}) {
	const axiosError = Object.assign(new Error(`Request failed with status code ${status}`), {
		isAxiosError: true,
		config: { headers: { Authorization: `Bearer ${SECRET}` } },
		response: { status, headers, data },
	});
	return new NodeApiError(node, axiosError as never);
}

function everything(error: NodeApiError): string {
	return JSON.stringify({ ...error, message: error.message, description: error.description });
}

function expectNoSecret(error: NodeApiError, secret = SECRET) {
	expect(everything(error)).not.toContain(secret);
}

describe('toUserflowError', () => {
	it('names the object for a 404 and does not repeat the item number (n8n shows it)', () => {
		const error = toUserflowError(node, n8nHttpError(404, { error: { code: 'not_found', message: 'nope' } }), {
			itemIndex: 3,
			object: "User 'u_42'",
		});
		expect(error.message).toBe("User 'u_42' does not exist in this Userflow environment");
		expect(error.context.itemIndex).toBe(3);
		expect(error.httpCode).toBe('404');
		expectNoSecret(error);
	});

	it('says the key was rejected on 401, without showing it', () => {
		const error = toUserflowError(node, n8nHttpError(401, { error: { code: 'unauthorized', message: `bad key ${SECRET}` } }), {
			itemIndex: 0,
		});
		expect(error.message).toBe('Userflow rejected the API key');
		expectNoSecret(error);
	});

	it("passes Userflow's own explanation on, with its HTTP status and error code", () => {
		const error = toUserflowError(
			node,
			n8nHttpError(400, { error: { code: 'invalid_params', message: 'limit must be at most 100' } }),
			{ itemIndex: 1 },
		);
		expect(error.message).toBe('Userflow refused the request: limit must be at most 100');
		expect(error.httpCode).toBe('400');
		expect(error.description).toContain("Userflow's error code: invalid_params");
	});

	it('explains rate limiting that outlasted the retries', () => {
		const error = toUserflowError(node, new PacedRequestFailure(n8nHttpError(429, { error: { code: 'rate_limited' } }), 9, 'maxRetries'), {
			itemIndex: 7,
		});
		expect(error.message).toContain('Userflow kept rate-limiting');
		expect(error.description).toContain('Max Requests per Second');
	});

	it('explains server and network failures, with the number of attempts', () => {
		expect(toUserflowError(node, new PacedRequestFailure(n8nHttpError(503, {}), 9, 'maxRetries'), { itemIndex: 2 }).message).toBe(
			'Userflow answered with a server error (503) after 9 attempts',
		);
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const networkError = toUserflowError(node, new PacedRequestFailure(reset, 3, 'maxWait'), { itemIndex: 4 });
		expect(networkError.message).toBe('Could not reach Userflow after 3 attempts');
		expect(networkError.description).toContain('ECONNRESET');
		const timeout = Object.assign(new Error('timeout of 1000ms exceeded'), { code: 'ECONNABORTED' });
		const timedOut = toUserflowError(node, new PacedRequestFailure(timeout, 2, 'maxWait'), {});
		expect(timedOut.message).toBe('Userflow did not answer in time, after 2 attempts');
		expect(timedOut.description).toContain('Max Wait');
	});

	it('says an event that was not resent may still have been recorded', () => {
		const event = { notResendableBecause: 'event' as const };
		const serverError = toUserflowError(node, new PacedRequestFailure(n8nHttpError(502, {}), 1, 'notResendable'), { itemIndex: 5 }, event);
		expect(serverError.message).toBe('Userflow answered with a server error (502); the event may or may not have been recorded');
		expect(serverError.description).toContain('not sent again');
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		expect(toUserflowError(node, new PacedRequestFailure(reset, 1, 'notResendable'), { itemIndex: 1 }, event).message).toBe(
			'The connection to Userflow dropped before an answer; the event may or may not have been recorded',
		);
		// A 429 outlasting the retries is a plain rate-limit failure, for events too.
		expect(
			toUserflowError(node, new PacedRequestFailure(n8nHttpError(429, {}), 9, 'maxRetries'), { itemIndex: 2 }, event).message,
		).toContain('kept rate-limiting');
	});

	it('says a cumulative change that was not resent may have been applied', () => {
		const error = toUserflowError(node, new PacedRequestFailure(n8nHttpError(500, {}), 1, 'notResendable'), { itemIndex: 0 }, {
			notResendableBecause: 'cumulativeChange',
		});
		expect(error.message).toBe('Userflow answered with a server error (500); the change may have been applied and was not sent again');
		expect(error.description).toContain('Add, Subtract, Append or Prepend');
	});

	it('names only the origin of a refused redirect, never its path or query', () => {
		const redirect = n8nHttpError(307, {}, { Location: 'http://127.0.0.1:9999/steal?token=abc&key=' + SECRET });
		const error = toUserflowError(node, redirect, { itemIndex: 0 }, { requestUrl: 'https://api.userflow.com/users' });
		expect(error.message).toBe("Userflow's address answered with a redirect (307) to http://127.0.0.1:9999; redirects are not followed");
		expect(everything(error)).not.toContain('steal');
		expect(everything(error)).not.toContain('token');
		// n8n 1.x keeps no response headers on its errors: then no target is named, none guessed.
		expect(toUserflowError(node, n8nHttpError(302, {}), {}).message).toBe("Userflow's address answered with a redirect (302); redirects are not followed");
		const relative = toUserflowError(node, n8nHttpError(301, {}, { location: '/elsewhere' }), {}, { requestUrl: 'https://proxy.example:8443/users' });
		expect(relative.message).toContain('to https://proxy.example:8443;');
	});

	it('reads an error n8n 1.x wrapped twice (NodeApiError around NodeApiError around axios)', () => {
		const inner = n8nHttpError(308, {}, { location: 'https://elsewhere.example/path?q=1' });
		const twice = new NodeApiError(node, inner as never);
		// n8n-workflow returns the same NodeApiError when re-wrapping; n8n 1.x built a new one.
		const outer = twice === inner ? Object.assign(new Error('wrapped'), { cause: inner, httpCode: '308' }) : twice;
		const error = toUserflowError(node, outer, {}, { requestUrl: 'https://api.userflow.com/users' });
		expect(error.message).toBe("Userflow's address answered with a redirect (308) to https://elsewhere.example; redirects are not followed");
		const timeout = Object.assign(new Error('Request failed'), {
			cause: Object.assign(new Error('The connection was aborted'), { cause: Object.assign(new Error('timeout of 300ms exceeded'), { code: 'ECONNABORTED' }) }),
		});
		expect(toUserflowError(node, new PacedRequestFailure(timeout, 2, 'maxWait'), {}).message).toBe('Userflow did not answer in time, after 2 attempts');
	});

	describe('redaction', () => {
		// Shaped unlike `ak_...`, with `_` and `-` inside: it must go by its value.
		const ODD_KEY = 'live-Key_with-dashes_and_underscores-42';

		it('removes the actual key from the message, the description and the body, wherever it appears', () => {
			const echoed = n8nHttpError(400, {
				error: { code: `bad_${ODD_KEY}`, message: `Key ${ODD_KEY} is not valid here; also ak_other_key-9 and ${SECRET}` },
			});
			const error = toUserflowError(node, echoed, { itemIndex: 0 }, { secrets: [ODD_KEY] });
			expect(error.message).toBe('Userflow refused the request: Key *** is not valid here; also ak_*** and ak_***');
			expectNoSecret(error, ODD_KEY);
			expectNoSecret(error, 'ak_other_key-9');
			expectNoSecret(error, '-dashes');
			expectNoSecret(error, '_and_underscores');
			expect(JSON.stringify(error.errorResponse)).not.toContain(ODD_KEY);
		});

		it('removes a key that reaches the message of an unknown failure', () => {
			const error = toUserflowError(node, new Error(`connect failed for Bearer ${ODD_KEY}`), {}, { secrets: [ODD_KEY] });
			expect(error.message).toBe('connect failed for Bearer ***');
		});
	});
});
