/**
 * n8n's HTTP Request node (typeVersion 4.2, the V3 implementation n8n 2.41 ships) posting
 * the same upsert bodies to /users, configured the way users do it: Bearer key and version
 * header as header parameters, JSON body from an expression.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../../../test/harness';

export const USERFLOW_VERSION = '2020-01-03';

export interface HttpRequestSetup {
	baseUrl: string;
	apiKey: string;
	/** Options → Batching: items per batch and interval between batches. */
	batching?: { batchSize: number; batchInterval: number };
	/** Node settings → Retry On Fail; fields left out keep n8n's defaults (3 tries, 1000 ms). */
	retry?: { maxTries?: number; waitBetweenTries?: number };
}

export function httpRequestUpsertNode(setup: HttpRequestSetup): Omit<NodeSpec, 'name'> {
	const options: INodeParameters = {};
	if (setup.batching) options.batching = { batch: { ...setup.batching } };
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${setup.baseUrl}/users`,
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'Authorization', value: `Bearer ${setup.apiKey}` },
					{ name: 'Userflow-Version', value: USERFLOW_VERSION },
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ id: $json.id, attributes: $json.attributes }) }}',
			options,
		},
		...(setup.retry ? { retryOnFail: true, ...setup.retry } : {}),
	};
}
