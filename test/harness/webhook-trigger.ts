/**
 * A webhook trigger node the way n8n 2.41's CLI runs it, on a real HTTP server on 127.0.0.1,
 * with n8n-core's own `HookContext` (checkExists / create / delete) and `WebhookContext`
 * (each incoming POST). What it copies from n8n (packages/cli, read from the 2.41.1 dist):
 *
 * - Publishing (ActiveWorkflowManager.addWebhooks): checkExists, then create only when it
 *   answered false, mode 'trigger'; then the workflow's static data is saved.
 * - Unpublishing (clearWebhooks): a Workflow built from the saved static data, delete with
 *   mode 'internal' / activation 'update', static data saved again.
 * - A production call (LiveWebhooks.executeWebhook): a Workflow built from the saved static
 *   data, other lookups awaited, the node's `webhook()` in mode 'webhook', static data saved
 *   after the answer (so concurrent calls each start from their own copy), but not when the
 *   call started an execution (n8n's runner clears the "changed" mark first). The
 *   body is read raw and parsed like n8n's body parser (`req.rawBody` stays available).
 * - "Listen for test event" (TestWebhooks.needsWebhook): a Workflow with empty static data,
 *   checkExists/create in mode 'manual'; the test call sees that static data; after a call
 *   that started an execution the test webhook is removed (delete, as above).
 * - The answer (WebhookHelpers.executeWebhook, responseMode onReceived): the node's own
 *   answer with `noWebhookResponse`; `webhookResponse` or "Webhook call received" without
 *   workflowData; "Workflow was started" when an execution starts; a throwing node answers
 *   500 and n8n still records a failed execution.
 *
 * A restart of n8n is a new harness given `savedStaticData` of the old one.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { UnexpectedError, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { type HarnessCredentials, createCredentialsHelper } from './credentials';
import { HarnessNodeTypes, fullNodeTypeName } from './node-types';
import { plainCopy } from './poller';

export interface WebhookTriggerOptions {
	credentials?: HarnessCredentials;
	nodeName?: string;
	/** n8n gives each webhook node a fixed id when it is added; a restart keeps it. */
	webhookId?: string;
	/** The workflow's static data as saved in n8n's database by an earlier run (a restart). */
	savedStaticData?: IDataObject;
	/** Port on 127.0.0.1 (default: a free one). A restart reuses the port: n8n's URL stays the same. */
	port?: number;
	/**
	 * Time between reading the static data and running the node, in ms (default 0: one turn
	 * of the event loop). n8n spends it on database lookups; calls arriving within it overlap.
	 */
	lookupDelayMs?: number;
}

export type CallMode = 'production' | 'test';

/** One request n8n's webhook server answered. */
export interface WebhookCall {
	mode: CallMode;
	status: number;
	body: unknown;
	/** True when the call started an execution. */
	started: boolean;
}

/** One execution started by a call: the trigger's output items. */
export interface TriggerExecution {
	mode: CallMode;
	items: IDataObject[];
	/** Set when the node threw: n8n records a failed execution then. */
	error?: string;
}

export interface WebhookTriggerHarness {
	/** e.g. `http://127.0.0.1:41234` */
	readonly baseUrl: string;
	readonly productionUrl: string;
	readonly testUrl: string;
	readonly node: INode;
	/** What n8n's database holds as the workflow's static data (plain JSON). */
	readonly savedStaticData: IDataObject;
	readonly calls: WebhookCall[];
	readonly executions: TriggerExecution[];
	readonly published: boolean;
	readonly listeningForTest: boolean;
	/** Publishes: checkExists, then create when it said no. Returns what checkExists answered. */
	publish(activation?: WorkflowActivateMode): Promise<boolean>;
	/** Unpublishes: delete. */
	unpublish(): Promise<void>;
	/** A new published version of the node's parameters (n8n re-runs checkExists/create). */
	setParameters(parameters: INodeParameters): void;
	/** "Listen for test event": a test subscription for the test URL. */
	listenForTest(): Promise<void>;
	/** What n8n does when the test times out or is cancelled: delete the test subscription. */
	stopListening(): Promise<void>;
	/** Runs one lifecycle method directly, as n8n would in production. */
	runHook(method: 'checkExists' | 'create' | 'delete'): Promise<boolean>;
	/** Resolves when every request being handled is done (n8n removes a test webhook after answering). */
	settled(): Promise<void>;
	/** POSTs to the production (or test) URL over HTTP, as Userflow would. */
	post(body: string | Buffer, headers?: Record<string, string>, mode?: CallMode): Promise<{ status: number; body: unknown }>;
	close(): Promise<void>;
}

interface HookRun {
	mode: WorkflowExecuteMode;
	activation: WorkflowActivateMode;
	isTest: boolean;
}

/** How n8n calls the lifecycle methods: publishing ('activate', or 'init' at startup), removing, testing. */
const publishing = (activation: WorkflowActivateMode): HookRun => ({ mode: 'trigger', activation, isTest: false });
const REMOVING: HookRun = { mode: 'internal', activation: 'update', isTest: false };
const TESTING: HookRun = { mode: 'manual', activation: 'manual', isTest: true };
const REMOVING_TEST: HookRun = { ...REMOVING, isTest: true };

export async function startWebhookTrigger(
	nodeType: INodeType,
	parameters: INodeParameters,
	options: WebhookTriggerOptions = {},
): Promise<WebhookTriggerHarness> {
	const type = fullNodeTypeName(nodeType.description.name);
	const description = nodeType.description;
	const webhookDescription = description.webhooks?.[0];
	if (!webhookDescription || !nodeType.webhook) throw new UnexpectedError(`${type} is not a webhook node`);
	const nodeTypes = new HarnessNodeTypes({ [type]: nodeType });
	const credentialsHelper = createCredentialsHelper(options.credentials);
	const node: INode = {
		id: 'webhook-trigger',
		name: options.nodeName ?? description.defaults.name ?? description.displayName,
		type,
		typeVersion: Array.isArray(description.version) ? Math.max(...description.version) : description.version,
		position: [0, 0],
		webhookId: options.webhookId ?? randomUUID(),
		parameters,
		credentials: Object.fromEntries((description.credentials ?? []).map(({ name }) => [name, { id: '1', name: `${name} account` }])),
	};

	let saved: IDataObject = plainCopy(options.savedStaticData ?? {});
	let published = false;
	let testStaticData: IDataObject | undefined;
	const calls: WebhookCall[] = [];
	const executions: TriggerExecution[] = [];

	const inFlight = new Set<Promise<void>>();
	const server = http.createServer((req, res) => {
		const handling = handle(req, res).finally(() => inFlight.delete(handling));
		inFlight.add(handling);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const path = `${node.webhookId}/${String(webhookDescription.path)}`;

	const additionalData = (extra: Parameters<typeof createAdditionalData>[1] = {}) =>
		createAdditionalData(credentialsHelper, {
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
			workflowId: 'webhook-workflow',
			...extra,
		});
	const makeWorkflow = (staticData: IDataObject) =>
		new Workflow({
			id: 'webhook-workflow',
			name: 'Webhook trigger test workflow',
			nodes: [node],
			connections: {},
			active: published,
			nodeTypes,
			staticData,
			settings: { executionOrder: 'v1' },
		});
	const webhookData = (workflow: Workflow, isTest: boolean): IWebhookData => ({
		httpMethod: webhookDescription.httpMethod as IWebhookData['httpMethod'],
		node: node.name,
		path,
		webhookDescription,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData(),
		webhookId: node.webhookId,
		isTest,
	});
	/** n8n saves static data only when a node changed it. */
	const saveIfChanged = (workflow: Workflow) => {
		if ((workflow.staticData as IDataObject).__dataChanged === true) saved = plainCopy(workflow.staticData);
	};
	const runMethod = async (workflow: Workflow, method: 'checkExists' | 'create' | 'delete', run: HookRun) => {
		const fn = nodeTypes.getByNameAndVersion(type, node.typeVersion).webhookMethods?.default?.[method];
		if (!fn) throw new UnexpectedError(`${type} has no webhookMethods.default.${method}`);
		const data = webhookData(workflow, run.isTest);
		const context = new HookContext(workflow, node, data.workflowExecuteAdditionalData, run.mode, run.activation, data);
		return (await fn.call(context)) as boolean;
	};

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const mode: CallMode | undefined = req.url === `/webhook/${path}` ? 'production' : req.url === `/webhook-test/${path}` ? 'test' : undefined;
		const reply = (status: number, body: unknown) => {
			if (!res.headersSent) {
				res.writeHead(status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(body));
			}
			calls.push({ mode: mode ?? 'production', status, body, started: false });
		};
		if (req.method !== 'POST' || !mode || (mode === 'production' && !published) || (mode === 'test' && !testStaticData)) {
			return reply(404, { message: 'The requested webhook is not registered.' });
		}
		const request = requestFor(req, Buffer.concat(chunks));
		if (request === 'unparsable') return reply(422, { message: 'Failed to parse request body' });

		const workflow = makeWorkflow(mode === 'production' ? plainCopy(saved) : {});
		if (mode === 'test') workflow.setTestStaticData(testStaticData!);
		// n8n reads the static data with the workflow, then awaits other lookups (project,
		// additional data) before the node runs: concurrent calls each hold their own copy.
		await new Promise((resolve) => (options.lookupDelayMs ? setTimeout(resolve, options.lookupDelayMs) : setImmediate(resolve)));
		const response = expressResponse(res);
		const data = additionalData({ httpRequest: request as never, httpResponse: response as never });
		const executeMode: WorkflowExecuteMode = mode === 'production' ? 'webhook' : 'manual';
		const context = new WebhookContext(workflow, node, data, executeMode, webhookData(workflow, mode === 'test'), [], null);
		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			executions.push({ mode, items: [], error: (error as Error).message });
			return reply(500, { message: 'Workflow Webhook Error: Workflow could not be started!' });
		}
		const started = result.workflowData !== undefined;
		// n8n saves what the node changed in static data after the call, except when the call
		// started an execution: the execution runner wraps the same static data in a new Workflow
		// first (WorkflowRunner.run → establishContextForPersistence), which clears its "changed"
		// flag, and reads it afresh from the database for the execution. Seen in 2.41; 1.123 does
		// save it. The harness follows the stricter one.
		if (mode === 'production' && !started) saveIfChanged(workflow);
		if (started) executions.push({ mode, items: (result.workflowData?.[0] ?? []).map((item) => item.json) });
		if (result.noWebhookResponse) {
			calls.push({ mode, status: res.statusCode, body: response.sentBody, started });
		} else if (!started) {
			reply(200, result.webhookResponse ?? { message: 'Webhook call received' });
		} else {
			reply(200, { message: 'Workflow was started' });
			calls[calls.length - 1].started = true;
		}
		// A test webhook is removed once it started an execution (TestWebhooks.executeWebhook).
		if (mode === 'test' && started) await harness.stopListening();
	}

	const harness: WebhookTriggerHarness = {
		baseUrl,
		productionUrl: `${baseUrl}/webhook/${path}`,
		testUrl: `${baseUrl}/webhook-test/${path}`,
		node,
		get savedStaticData() {
			return plainCopy(saved);
		},
		calls,
		executions,
		get published() {
			return published;
		},
		get listeningForTest() {
			return testStaticData !== undefined;
		},
		async publish(activation: WorkflowActivateMode = 'activate') {
			const workflow = makeWorkflow(plainCopy(saved));
			const existed = await runMethod(workflow, 'checkExists', publishing(activation));
			if (!existed) await runMethod(workflow, 'create', publishing(activation));
			saveIfChanged(workflow);
			published = true;
			return existed;
		},
		async unpublish() {
			const workflow = makeWorkflow(plainCopy(saved));
			try {
				await runMethod(workflow, 'delete', REMOVING);
			} finally {
				saveIfChanged(workflow);
				published = false;
			}
		},
		setParameters(next: INodeParameters) {
			node.parameters = next;
		},
		async listenForTest() {
			const workflow = makeWorkflow({});
			const existed = await runMethod(workflow, 'checkExists', TESTING);
			if (!existed) await runMethod(workflow, 'create', TESTING);
			testStaticData = workflow.staticData;
		},
		async stopListening() {
			if (!testStaticData) return;
			const workflow = makeWorkflow({});
			workflow.staticData = testStaticData;
			testStaticData = undefined;
			await runMethod(workflow, 'delete', REMOVING_TEST);
		},
		async runHook(method) {
			const workflow = makeWorkflow(plainCopy(saved));
			const answer = await runMethod(workflow, method, method === 'delete' ? REMOVING : publishing('activate'));
			saveIfChanged(workflow);
			return answer;
		},
		async settled() {
			while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
		},
		async post(body, headers = {}, mode = 'production') {
			const response = await fetch(mode === 'production' ? harness.productionUrl : harness.testUrl, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', ...headers },
				body,
			});
			const text = await response.text();
			let parsed: unknown = text;
			try {
				parsed = JSON.parse(text);
			} catch {
				// not JSON: keep the text
			}
			return { status: response.status, body: parsed };
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	return harness;
}

type HarnessRequest = http.IncomingMessage & { body: unknown; rawBody: Buffer; params: object; query: object };

/** The request as n8n's body parser leaves it: raw bytes kept, JSON / text parsed by content type. */
function requestFor(req: http.IncomingMessage, rawBody: Buffer): HarnessRequest | 'unparsable' {
	const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	let body: unknown = {};
	if (rawBody.length > 0) {
		if (contentType === 'application/json') {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				return 'unparsable';
			}
		} else if (contentType === 'text/plain') {
			body = rawBody.toString('utf8');
		}
	}
	return Object.assign(req, {
		body,
		rawBody,
		contentType,
		readRawBody: async () => {},
		params: {},
		query: {},
	}) as HarnessRequest;
}

/** The few express Response methods webhook nodes use, over Node's own response. */
function expressResponse(res: http.ServerResponse) {
	const response = {
		sentBody: undefined as unknown,
		get headersSent() {
			return res.headersSent;
		},
		status(code: number) {
			res.statusCode = code;
			return response;
		},
		json(body: unknown) {
			response.sentBody = body;
			res.setHeader('Content-Type', 'application/json');
			res.end(JSON.stringify(body));
			return response;
		},
		send(body: unknown) {
			response.sentBody = body;
			res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
			return response;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return response;
		},
		end() {
			res.end();
			return response;
		},
	};
	return response;
}
