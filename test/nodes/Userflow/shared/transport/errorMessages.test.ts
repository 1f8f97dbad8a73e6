import { NodeApiError, type INode } from 'n8n-workflow';

import { toUserflowError } from '../../../../../nodes/Userflow/shared/transport/errorMessages';

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
function n8nHttpError(status: number, data: unknown) {
	const axiosError = Object.assign(new Error(`Request failed with status code ${status}`), {
		isAxiosError: true,
		config: { headers: { Authorization: `Bearer ${SECRET}` } },
		response: { status, headers: {}, data },
	});
	return new NodeApiError(node, axiosError as never);
}

function expectNoSecret(error: NodeApiError) {
	expect(JSON.stringify({ ...error, message: error.message, description: error.description })).not.toContain(SECRET);
}

describe('toUserflowError', () => {
	it('names the item and the object for a 404', () => {
		const error = toUserflowError(node, n8nHttpError(404, { error: { code: 'not_found', message: 'nope' } }), {
			itemIndex: 3,
			object: "User 'u_42'",
		});
		expect(error.message).toBe("Item 3: User 'u_42' does not exist in this Userflow environment");
		expect(error.httpCode).toBe('404');
		expectNoSecret(error);
	});

	it('says the key was rejected on 401, without showing it', () => {
		const error = toUserflowError(node, n8nHttpError(401, { error: { code: 'unauthorized', message: `bad key ${SECRET}` } }), {
			itemIndex: 0,
		});
		expect(error.message).toBe('Item 0: Userflow rejected the API key');
		expectNoSecret(error);
	});

	it("passes Userflow's own explanation of invalid parameters on", () => {
		const error = toUserflowError(
			node,
			n8nHttpError(400, { error: { code: 'invalid_params', message: 'limit must be at most 100' } }),
			{ itemIndex: 1 },
		);
		expect(error.message).toBe('Item 1: Userflow refused the request: limit must be at most 100');
	});

	it('explains rate limiting that outlasted the retries', () => {
		const error = toUserflowError(node, n8nHttpError(429, { error: { code: 'rate_limited' } }), { itemIndex: 7 });
		expect(error.message).toContain('Item 7: Userflow kept rate-limiting');
		expect(error.description).toContain('Max Requests per Second');
	});

	it('explains server and network failures', () => {
		expect(toUserflowError(node, n8nHttpError(503, {}), { itemIndex: 2 }).message).toBe(
			'Item 2: Userflow answered with a server error (503) after all retries',
		);
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const networkError = toUserflowError(node, reset, { itemIndex: 4 });
		expect(networkError.message).toBe('Item 4: Could not reach Userflow after all retries');
		expect(networkError.description).toContain('ECONNRESET');
	});

	it('says an event failure that was not retried may still have been recorded', () => {
		const serverError = toUserflowError(node, n8nHttpError(502, {}), { itemIndex: 5 }, 'onlyIfNotRecorded');
		expect(serverError.message).toBe(
			'Item 5: Userflow answered with a server error (502); the event may or may not have been recorded',
		);
		expect(serverError.description).toContain('not sent again');
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		expect(toUserflowError(node, reset, { itemIndex: 1 }, 'onlyIfNotRecorded').message).toBe(
			'Item 1: The connection to Userflow dropped before an answer; the event may or may not have been recorded',
		);
		// A 429 outlasting the retries is a plain rate-limit failure, for events too.
		expect(toUserflowError(node, n8nHttpError(429, {}), { itemIndex: 2 }, 'onlyIfNotRecorded').message).toContain(
			'kept rate-limiting',
		);
	});
});
