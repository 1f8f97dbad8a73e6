/**
 * A small mocked ILoadOptionsFunctions for the list searches and option loaders: every
 * request the methods send through the request layer lands in `requests`, and `answer`
 * plays Userflow.
 */
import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions, INode } from 'n8n-workflow';

export type Answer = (request: IHttpRequestOptions) => unknown;

export interface FakeContext {
	ctx: ILoadOptionsFunctions;
	requests: IHttpRequestOptions[];
}

let keyCounter = 0;

const NODE: INode = {
	id: 'node-1',
	name: 'Userflow',
	type: 'n8n-nodes-userflow.userflow',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export function fakeContext(answer: Answer): FakeContext {
	const requests: IHttpRequestOptions[] = [];
	// A fresh key per context: the request layer paces per key, tests must not share a gate.
	const apiKey = `ak_unit_${++keyCounter}`;
	const ctx = {
		getNode: () => NODE,
		getCredentials: async () => ({ apiKey, baseUrl: 'https://userflow.test/' }),
		getNodeParameter: (_name: string, fallback?: unknown) => fallback,
		helpers: {
			httpRequestWithAuthentication: async (credentialType: string, request: IHttpRequestOptions) => {
				expect(credentialType).toBe('userflowApi');
				requests.push(structuredClone(request));
				return answer(request);
			},
		},
	} as unknown as ILoadOptionsFunctions;
	return { ctx, requests };
}

/** What a request looked like, for exact comparisons. */
export function summary(request: IHttpRequestOptions): IDataObject {
	return { method: request.method, url: request.url, qs: request.qs ?? {} };
}

/** An error shaped like the one n8n's HTTP helper throws for a 4xx answer. */
export function httpError(status: number, code: string, message: string): Error {
	return Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, headers: {}, data: { error: { code, message } } },
	});
}

/**
 * Userflow's list semantics over records already in the order the call asks for:
 * `limit`, `starting_after`, `has_more`.
 */
export function listOf(records: IDataObject[], qs: IDataObject = {}): IDataObject {
	const limit = Number(qs.limit ?? 20);
	const start = qs.starting_after === undefined ? 0 : records.findIndex((record) => record.id === qs.starting_after) + 1;
	if (qs.starting_after !== undefined && start === 0) throw httpError(400, 'invalid_params', 'starting_after not found');
	const data = records.slice(start, start + limit);
	return { object: 'list', data, has_more: start + limit < records.length };
}

export const user = (id: string, name?: string, email?: string): IDataObject => ({
	object: 'user',
	id,
	created_at: '2024-01-01T00:00:00.000+00:00',
	attributes: { ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) },
});

/** An attribute definition as `GET /attribute_definitions` lists it. */
export const attributeDefinition = (name: string, scope: string, extra: IDataObject = {}): IDataObject => ({
	object: 'attribute_definition',
	id: `attr_${scope}_${name}`,
	name,
	scope,
	data_type: 'string',
	...extra,
});
