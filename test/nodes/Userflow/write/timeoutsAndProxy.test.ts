/**
 * Every request has a timeout and honours the node's Settings → Request Options, declarative
 * and hand-made alike (read-then-write, lookups), through n8n's engine.
 */
import type { INode, INodeParameters } from 'n8n-workflow';

import type { UserflowEmulator } from '../../../../emulator';
import { readTransportSettings } from '../../../../nodes/Userflow/shared/transport/requestSettings';
import { manualTrigger, runWorkflow, userflowNode, workflow } from '../../../harness';
import { rows, useEmulator } from '../engineHelpers';
import { forwardProxy, hangingServer, selfSignedTlsFront, type LocalServer } from '../localServers';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function runAgainst(baseUrl: string, parameters: object, extra: object = {}) {
	return await runWorkflow(workflow([manualTrigger(), userflowNode(parameters as never, 'Userflow', extra)]), {
		credentials: { userflowApi: { apiKey: 'ak_timeout_test_key', baseUrl } },
	});
}

/** User → Update of u1 (a hand-made read, then the declarative write) with these Request Options. */
async function updatePlanOfU1(
	emulator: UserflowEmulator,
	baseUrl: string,
	requestOptions: INodeParameters,
	rateLimitHandling?: INodeParameters,
) {
	return await runWorkflow(
		workflow([
			manualTrigger(),
			userflowNode({
				resource: 'user',
				operation: 'update',
				userId: byId('u1'),
				attributes: rows({ name: 'plan', value: 'pro' }),
				requestOptions,
				...(rateLimitHandling ? { rateLimitHandling } : {}),
			}),
		]),
		{ credentials: { userflowApi: { apiKey: emulator.apiKey, baseUrl } } },
	);
}

describe('timeouts: a server that never answers', () => {
	let server: LocalServer;
	beforeEach(async () => {
		server = await hangingServer();
	});
	afterEach(async () => await server.close());

	it('a declarative request gives up after Settings → Request Options → Timeout, retries included within Max Wait', async () => {
		const started = Date.now();
		const run = await runAgainst(server.url, {
			resource: 'user',
			operation: 'get',
			userId: byId('u1'),
			requestOptions: { timeout: 300 },
			rateLimitHandling: { maxRetries: 2, maxWaitSeconds: 10 },
		});
		expect(run.error?.message).toBe('Userflow did not answer in time, after 3 attempts');
		expect(server.received).toHaveLength(3);
		// Not a speed limit: without a timeout one attempt alone would wait 300 s.
		expect(Date.now() - started).toBeLessThan(30_000);
	}, 60_000);

	it('a hand-made request (the read of Update) has a timeout too: Max Wait bounds it', async () => {
		const started = Date.now();
		const run = await runAgainst(server.url, {
			resource: 'user',
			operation: 'update',
			userId: byId('u1'),
			attributes: rows({ name: 'plan', value: 'pro' }),
			options: { checkNameCase: false },
			rateLimitHandling: { maxRetries: 5, maxWaitSeconds: 1 },
		});
		expect(run.error?.message).toMatch(/^Userflow did not answer in time, after \d attempts?$/);
		expect(server.received.every((request) => request.method === 'GET')).toBe(true);
		// Not a speed limit: a hand-made request used to have no timeout at all.
		expect(Date.now() - started).toBeLessThan(30_000);
	}, 60_000);

	it('the Request Options timeout applies to hand-made requests as well', async () => {
		const run = await runAgainst(server.url, {
			resource: 'user',
			operation: 'update',
			userId: byId('u1'),
			attributes: rows({ name: 'plan', value: 'pro' }),
			options: { checkNameCase: false },
			requestOptions: { timeout: 200 },
			rateLimitHandling: { maxRetries: 1, maxWaitSeconds: 30 },
		});
		expect(run.error?.message).toBe('Userflow did not answer in time, after 2 attempts');
	}, 60_000);

	it('an event that timed out is not resent and says it may have been recorded', async () => {
		const run = await runAgainst(server.url, {
			resource: 'event',
			operation: 'track',
			eventName: 'paid',
			userId: 'u1',
			options: { checkNameCase: false },
			requestOptions: { timeout: 300 },
			rateLimitHandling: { maxRetries: 5, maxWaitSeconds: 10 },
		});
		expect(run.error?.message).toBe('Userflow did not answer in time; the event may or may not have been recorded');
		expect(server.received).toHaveLength(1);
	}, 60_000);
});

describe('Settings → Request Options → Proxy', () => {
	const emulator = useEmulator();
	let proxy: LocalServer;
	beforeEach(async () => {
		proxy = await forwardProxy();
	});
	afterEach(async () => await proxy.close());

	it('carries the hand-made read of Update as well as the declarative write', async () => {
		emulator().store.addUser('u1', { plan: 'free' });
		const run = await updatePlanOfU1(emulator(), emulator().baseUrl, { proxy: proxy.url });
		expect(run.status).toBe('success');
		expect(proxy.received.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
			'GET /attribute_definitions',
			'GET /users/u1',
			'POST /users',
		]);
		expect(emulator().store.users.get('u1')?.attributes).toEqual({ plan: 'pro' });
	});
});

describe('Settings → Request Options → Ignore SSL Issues', () => {
	const emulator = useEmulator();
	let front: LocalServer;
	beforeEach(async () => {
		front = await selfSignedTlsFront(Number(new URL(emulator().baseUrl).port));
		emulator().store.addUser('u1', { plan: 'free' });
	});
	afterEach(async () => await front.close());

	const updateThroughFront = async (requestOptions: INodeParameters) =>
		await updatePlanOfU1(emulator(), front.url, requestOptions, { maxRetries: 0, maxWaitSeconds: 5 });

	it('off (the default), a self-signed certificate stops the first request and nothing is written', async () => {
		const run = await updateThroughFront({});
		expect(run.error?.message).toBe(
			"Could not check the name's letter case: the lookup of Userflow's attribute definitions failed (The server at Userflow's address presented a certificate n8n does not trust)",
		);
		expect(run.error?.description).toMatch(/^Nothing was sent to Userflow for this item\. Network error DEPTH_ZERO_SELF_SIGNED_CERT\..*Ignore SSL Issues in the Userflow node.s Settings → Request Options\./);
		expect(emulator().requests).toEqual([]);
		expect(emulator().store.users.get('u1')?.attributes).toEqual({ plan: 'free' });
	});

	it('off, a read says what the certificate problem is and where Ignore SSL Issues is', async () => {
		const run = await runWorkflow(workflow([manualTrigger(), userflowNode({ resource: 'user', operation: 'get', userId: byId('u1') })]), {
			credentials: { userflowApi: { apiKey: emulator().apiKey, baseUrl: front.url } },
		});
		expect(run.error?.message).toBe("The server at Userflow's address presented a certificate n8n does not trust");
		expect(run.error?.description).toMatch(/^Network error DEPTH_ZERO_SELF_SIGNED_CERT\..*Ignore SSL Issues in the Userflow node.s Settings → Request Options\.$/);
		expect(front.received).toHaveLength(1); // not retried: a certificate does not change in a second
		expect(emulator().requests).toEqual([]);
	});

	it('on, the hand-made reads and the declarative write all go through', async () => {
		const run = await updateThroughFront({ allowUnauthorizedCerts: true });
		expect(run.status).toBe('success');
		expect(emulator().requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /attribute_definitions',
			'GET /users/u1',
			'POST /users',
		]);
		expect(emulator().store.users.get('u1')?.attributes).toEqual({ plan: 'pro' });
	});
});

describe('readTransportSettings', () => {
	const node = { name: 'Userflow' } as INode;
	const context = (requestOptions: unknown) => ({
		getNode: () => node,
		getNodeParameter: (name: string, fallback?: unknown) => (name === 'requestOptions' ? requestOptions : fallback),
	});

	it('reads Timeout, Proxy (with its user) and Ignore SSL Issues; defaults to 300 s', () => {
		expect(readTransportSettings(context({}))).toEqual({ timeoutMs: 300_000 });
		expect(readTransportSettings(context({ timeout: 2500, allowUnauthorizedCerts: true, proxy: 'http://me:p%40ss@proxy.local:3128' }))).toEqual({
			timeoutMs: 2500,
			skipSslCertificateValidation: true,
			proxy: { host: 'proxy.local', port: 3128, protocol: 'http', auth: { username: 'me', password: 'p@ss' } },
		});
		expect(() => readTransportSettings(context({ proxy: 'not a url' }))).toThrow('The proxy is not valid');
		expect(() => readTransportSettings(context({ proxy: 'http://proxy.local' }))).toThrow('The proxy is not valid');
	});

	it('nodes without Request Options (the trigger) use the defaults', () => {
		expect(readTransportSettings({ getNode: () => node })).toEqual({ timeoutMs: 300_000 });
	});
});
