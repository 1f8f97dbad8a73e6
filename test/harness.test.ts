/**
 * The harness itself: a tiny declarative node and a tiny polling node, defined here so these
 * tests do not depend on the package's real nodes or the emulator, run against a throwaway
 * HTTP server that records what it receives.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { UserflowApi } from '../credentials/UserflowApi.credentials';
import {
	codeNode,
	createCredentialsHelper,
	createPoller,
	manualTrigger,
	plainCopy,
	runWorkflow,
	testCredential,
	workflow,
} from './harness';

const GOOD_KEY = 'ak_test_good_0123456789';
const WRONG_KEY = 'ak_test_wrong_9876543210';

interface RecordedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
}

/** Answers 200 `{ data: [...] }` to the good key, 401 in Userflow's shape to any other. */
async function startRecordingServer(): Promise<{ server: Server; baseUrl: string; requests: RecordedRequest[] }> {
	const requests: RecordedRequest[] = [];
	const server = createServer((req, res) => {
		requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
		res.setHeader('content-type', 'application/json');
		if (req.headers.authorization !== `Bearer ${GOOD_KEY}`) {
			res.statusCode = 401;
			res.end(JSON.stringify({ error: { code: 'unauthorized', message: 'Invalid API key' } }));
			return;
		}
		res.end(JSON.stringify({ object: 'list', data: [{ id: `u_${requests.length}` }], has_more: false }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { server, baseUrl: `http://127.0.0.1:${port}`, requests };
}

/** Declarative like the real Userflow node: base URL from the credential, one GET. */
class HarnessTestNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Test',
		name: 'harnessTest',
		group: ['transform'],
		version: 1,
		description: 'Lists one user',
		defaults: { name: 'Harness Test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'userflowApi', required: true }],
		requestDefaults: { baseURL: '={{$credentials.baseUrl || $credentials.region}}' },
		properties: [
			{
				displayName: 'List',
				name: 'list',
				type: 'hidden',
				default: '',
				routing: { request: { method: 'GET', url: '/users?limit=1' } },
			},
		],
	};
}

/** Emits the ids it has not seen yet; the cursor lives in node static data. */
class HarnessPollNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Poll Trigger',
		name: 'harnessPollTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Counts polls',
		polling: true,
		defaults: { name: 'Harness Poll Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Batch', name: 'batch', type: 'number', default: 2 }],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const staticData = this.getWorkflowStaticData('node');
		const batch = this.getNodeParameter('batch') as number;
		const cursor = (staticData.cursor as number | undefined) ?? 0;
		staticData.cursor = cursor + batch;
		staticData.polls = ((staticData.polls as number | undefined) ?? 0) + 1;
		const items = Array.from({ length: batch }, (_, index) => ({ json: { id: cursor + index + 1 } }));
		return [this.helpers.returnJsonArray(items.map((item) => item.json))];
	}
}

/** Polls the API with the credential, as the real trigger will. */
class HarnessHttpPollNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness HTTP Poll Trigger',
		name: 'harnessHttpPollTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Lists users on each poll',
		polling: true,
		defaults: { name: 'Harness HTTP Poll Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'userflowApi', required: true }],
		properties: [],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const credentials = await this.getCredentials<{ baseUrl: string }>('userflowApi');
		const page = (await this.helpers.httpRequestWithAuthentication.call(this, 'userflowApi', {
			method: 'GET',
			url: `${credentials.baseUrl}/users`,
			qs: { limit: 1 },
		})) as { data: IDataObject[] };
		this.getWorkflowStaticData('node').lastId = page.data[0]?.id;
		return [this.helpers.returnJsonArray(page.data)];
	}
}

const TEST_NODE_TYPE = 'n8n-nodes-test.harnessTest';
const nodeTypes = { [TEST_NODE_TYPE]: new HarnessTestNode() };

function testNode(extra: IDataObject = {}) {
	return {
		name: 'List users',
		type: TEST_NODE_TYPE,
		typeVersion: 1,
		parameters: {},
		credentials: { userflowApi: { id: '1', name: 'Userflow account' } },
		...extra,
	};
}

let server: Server;
let baseUrl: string;
let requests: RecordedRequest[];

beforeEach(async () => {
	({ server, baseUrl, requests } = await startRecordingServer());
});

afterEach(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('runWorkflow', () => {
	it("sends the credential's Bearer key and version header to the credential's base URL", async () => {
		const result = await runWorkflow(workflow([manualTrigger(), testNode()]), {
			nodeTypes,
			credentials: { userflowApi: { apiKey: GOOD_KEY, baseUrl } },
		});

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', url: '/users?limit=1' });
		expect(requests[0].headers.authorization).toBe(`Bearer ${GOOD_KEY}`);
		expect(requests[0].headers['userflow-version']).toBe('2020-01-03');
		expect(result.itemsOf('List users')).toEqual([
			{ object: 'list', data: [{ id: 'u_1' }], has_more: false },
		]);
	});

	it('runs the declarative node once per item coming out of a Code node', async () => {
		const result = await runWorkflow(
			workflow([manualTrigger(), codeNode('return [1, 2, 3].map((n) => ({ json: { n } }));'), testNode()]),
			{ nodeTypes, credentials: { userflowApi: { apiKey: GOOD_KEY, baseUrl } } },
		);

		expect(result.status).toBe('success');
		expect(result.itemsOf('Code')).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
		expect(requests).toHaveLength(3);
		expect(requests.every((request) => request.headers.authorization === `Bearer ${GOOD_KEY}`)).toBe(true);
		expect(result.outputOf('List users')).toHaveLength(3);
	});

	it('passes Code items given as plain objects, and sees its input through $input and items', async () => {
		const result = await runWorkflow(
			workflow([
				manualTrigger(),
				codeNode('return [{ a: 1 }, { a: 2 }];', 'Make'),
				codeNode('return $input.all().map((item, i) => ({ sum: item.json.a + items[i].json.a, first: $input.first().json.a }));', 'Double'),
			]),
		);

		expect(result.itemsOf('Double')).toEqual([
			{ sum: 2, first: 1 },
			{ sum: 4, first: 1 },
		]);
	});

	it("fails the execution with n8n's NodeApiError when the key is rejected, without the key in it", async () => {
		const result = await runWorkflow(workflow([manualTrigger(), testNode()]), {
			nodeTypes,
			credentials: { userflowApi: { apiKey: WRONG_KEY, baseUrl } },
		});

		expect(result.status).toBe('error');
		// n8n stores the error as a plain copy (as in its database), so check its fields.
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			description: 'Invalid API key',
			node: { name: 'List users' },
		});
		expect(JSON.stringify(result.error)).not.toContain(WRONG_KEY);
		// n8n-core retries once after a 401 because the CLI's helper has preAuthentication.
		expect(requests).toHaveLength(2);
	});

	it('turns the failure into an error item when the node continues on fail', async () => {
		const result = await runWorkflow(
			workflow([manualTrigger(), testNode({ onError: 'continueRegularOutput' })]),
			{ nodeTypes, credentials: { userflowApi: { apiKey: WRONG_KEY, baseUrl } } },
		);

		expect(result.status).toBe('success');
		const [item] = result.itemsOf('List users');
		expect(result.itemsOf('List users')).toHaveLength(1);
		expect(item.error).toEqual(expect.any(String));
		expect(JSON.stringify(item)).not.toContain(WRONG_KEY);
	});

	it('uses the pinned output of a node instead of running it', async () => {
		const result = await runWorkflow(workflow([manualTrigger(), testNode(), codeNode('return $input.all();')]), {
			nodeTypes,
			credentials: { userflowApi: { apiKey: GOOD_KEY, baseUrl } },
			pinData: { 'List users': [{ json: { pinned: true } }] },
		});

		expect(requests).toHaveLength(0);
		expect(result.itemsOf('Code')).toEqual([{ pinned: true }]);
	});

	it('refuses a workflow with a node type it does not know, naming it', async () => {
		await expect(
			runWorkflow(workflow([manualTrigger(), { ...testNode(), type: 'n8n-nodes-test.unknown' }])),
		).rejects.toThrow('does not know node type "n8n-nodes-test.unknown"');
	});

	it('says which nodes ran when asked for the output of one that did not', async () => {
		const result = await runWorkflow(workflow([manualTrigger(), codeNode('return [];'), codeNode('return [{ a: 1 }];', 'After')]));

		expect(result.itemsOf('Code')).toEqual([]);
		expect(() => result.outputOf('After')).toThrow(`Node "After" did not run. Nodes that ran: When clicking 'Execute workflow', Code`);
	});

	it('accepts the n8n name of a package node given as a bare name', async () => {
		const result = await runWorkflow(
			workflow([manualTrigger(), { ...testNode(), type: 'n8n-nodes-userflow.harnessTest' }]),
			{ nodeTypes: { harnessTest: new HarnessTestNode() }, credentials: { userflowApi: { apiKey: GOOD_KEY, baseUrl } } },
		);

		expect(result.status).toBe('success');
		expect(requests).toHaveLength(1);
	});

	it('uses the region when no base URL is set', async () => {
		const result = await runWorkflow(workflow([manualTrigger(), testNode()]), {
			nodeTypes,
			credentials: { userflowApi: { apiKey: GOOD_KEY, region: baseUrl } },
		});

		expect(result.status).toBe('success');
		expect(requests.map((request) => request.url)).toEqual(['/users?limit=1']);
	});
});

describe('the engine setup', () => {
	it("fills in the credential's defaults like n8n: the region defaults to US", async () => {
		const helper = createCredentialsHelper({ userflowApi: { apiKey: GOOD_KEY } });
		const data = await helper.getDecrypted(
			{} as IWorkflowExecuteAdditionalData,
			{ id: '1', name: 'Userflow account' },
			'userflowApi',
			'manual',
		);

		expect(data).toEqual({ apiKey: GOOD_KEY, region: 'https://api.userflow.com', baseUrl: '' });
	});

	it('shares one copy of n8n-workflow with n8n-core, so instanceof NodeApiError holds', () => {
		const fromCore = require.resolve('n8n-workflow', { paths: [require.resolve('n8n-core')] });
		expect(fromCore).toBe(require.resolve('n8n-workflow'));
		expect(new NodeApiError({ name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {}, id: 'i' }, {})).toBeInstanceOf(
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			(require(fromCore) as typeof import('n8n-workflow')).NodeApiError,
		);
	});
});

describe('testCredential', () => {
	it('passes with a key the API accepts, calling the resolved base URL once', async () => {
		const result = await testCredential(UserflowApi, { apiKey: GOOD_KEY, baseUrl: `${baseUrl}/` });

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', url: '/users?limit=1' });
		expect(requests[0].headers['userflow-version']).toBe('2020-01-03');
	});

	it("fails with the credential's 401 rule message, which does not show the key", async () => {
		const result = await testCredential(UserflowApi, { apiKey: WRONG_KEY, baseUrl });

		expect(result.status).toBe('Error');
		expect(result.message).toBe(new UserflowApi().test.rules![0].properties.message);
		expect(result.message).not.toContain(WRONG_KEY);
		expect(result.message).not.toContain(WRONG_KEY.slice(-6));
		expect(requests[0].headers.authorization).toBe(`Bearer ${WRONG_KEY}`);
	});

	it("falls back to n8n's generic message for a status without a rule", async () => {
		server.removeAllListeners('request');
		server.on('request', (_req, res) => {
			res.statusCode = 503;
			res.end();
		});

		const result = await testCredential(UserflowApi, { apiKey: GOOD_KEY, baseUrl });

		expect(result).toEqual({ status: 'Error', message: 'Service Unavailable' });
	});

	it('reports the network error code when nothing listens', async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
		server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

		const result = await testCredential(UserflowApi, { apiKey: GOOD_KEY, baseUrl });

		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});
});

describe('createPoller', () => {
	it('keeps static data across polls, and across a restart from a saved copy', async () => {
		const poller = createPoller(new HarnessPollNode(), { batch: 2 });

		expect(await poller.poll()).toEqual([[{ json: { id: 1 } }, { json: { id: 2 } }]]);
		expect(poller.staticDataChanged).toBe(true);
		expect(await poller.poll()).toEqual([[{ json: { id: 3 } }, { json: { id: 4 } }]]);

		const saved = plainCopy(poller.staticData);
		expect(saved).toEqual({ 'node:Harness Poll Trigger': { cursor: 4, polls: 2 } });

		const restarted = createPoller(new HarnessPollNode(), { batch: 2 }, { staticData: saved });
		expect(await restarted.poll()).toEqual([[{ json: { id: 5 } }, { json: { id: 6 } }]]);
		expect(plainCopy(restarted.staticData)).toEqual({ 'node:Harness Poll Trigger': { cursor: 6, polls: 3 } });
		// The saved copy is the restarted poller's own object, not the old poller's.
		expect(plainCopy(poller.staticData)).toEqual({ 'node:Harness Poll Trigger': { cursor: 4, polls: 2 } });
	});

	it("sends the credential's headers from a poll", async () => {
		const poller = createPoller(new HarnessHttpPollNode(), {}, { credentials: { userflowApi: { apiKey: GOOD_KEY, baseUrl } } });

		expect(await poller.poll()).toEqual([[{ json: { id: 'u_1' } }]]);
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', url: '/users?limit=1' });
		expect(requests[0].headers.authorization).toBe(`Bearer ${GOOD_KEY}`);
		expect(requests[0].headers['userflow-version']).toBe('2020-01-03');
		expect(plainCopy(poller.staticData)).toEqual({ 'node:Harness HTTP Poll Trigger': { lastId: 'u_1' } });
	});

	it('fetches a test event without moving the saved cursor, like n8n', async () => {
		const poller = createPoller(new HarnessPollNode(), { batch: 1 });
		await poller.poll();

		expect(await poller.poll('manual')).toEqual([[{ json: { id: 2 } }]]);
		expect(await poller.poll('manual')).toEqual([[{ json: { id: 2 } }]]);
		expect(plainCopy(poller.staticData)).toEqual({ 'node:Harness Poll Trigger': { cursor: 1, polls: 1 } });
	});
});
