/**
 * One variant in its own process: the orchestrator hosts the emulator (its own event loop,
 * like a remote API), this process runs n8n or the script, so wall time, CPU time and peak
 * memory belong to the variant alone. Receives one ChildJob, answers one ChildOutcome.
 */
import type { IDataObject } from 'n8n-workflow';

import { benchUsers } from './dataset';
import type { ChildJob, ChildMessage, ChildOutcome, CpuOutcome, GetManyOutcome, RateSample, UpsertOutcome } from './protocol';
import { runSkipJob } from './skipUnchanged/childRun';
import { sequentialAxiosBackfill } from './variants/axiosScript';
import { httpRequestUpsertNode } from './variants/httpRequestNode';
import { errorMessageOf, preloadNodeTypes, runAction } from './variants/n8nEngine';
import { userflowCredentials, userflowGetAllUsersNode, userflowUpsertNode } from './variants/userflowNode';

function send(message: ChildMessage): Promise<void> {
	return new Promise((resolve) => process.send!(message, () => resolve()));
}

/** Reads the node's own rate gate (shared per key and ceiling) while the workflow runs. */
function sampleGate(baseUrl: string, apiKey: string, maxPerSecond: number | undefined): () => RateSample[] {
	const samples: RateSample[] = [];
	let gate: { currentRate: number } | undefined;
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { gateFor } = require('../../nodes/Userflow/shared/transport/gateRegistry') as {
			gateFor: (key: string, url: string, max?: number) => { currentRate: number };
		};
		gate = gateFor(apiKey, baseUrl.replace(/\/+$/, ''), maxPerSecond);
	} catch {
		gate = undefined;
	}
	const startedAt = performance.now();
	const timer = setInterval(() => {
		if (gate && typeof gate.currentRate === 'number') {
			samples.push({ t: Math.round(performance.now() - startedAt), rate: Math.round(gate.currentRate * 100) / 100 });
		}
	}, 250);
	return () => {
		clearInterval(timer);
		return samples;
	};
}

async function runUpsert(job: Extract<ChildJob, { kind: 'upsert' }>): Promise<UpsertOutcome> {
	const users = benchUsers(job.count);
	if (job.variant === 'axios-sequential') {
		const startedAt = performance.now();
		const script = await sequentialAxiosBackfill(job.baseUrl, job.apiKey, users);
		return {
			kind: 'upsert',
			status: script.errorMessage ? 'error' : 'success',
			wallMs: performance.now() - startedAt,
			okItems: script.ok,
			errorItems: 0,
			errorMessage: script.errorMessage,
			gateRates: [],
			retries: script.retries,
		};
	}
	const items = users as unknown as IDataObject[];
	const rate = job.ratePerSecond;
	let stopSampling: (() => RateSample[]) | undefined;
	let action;
	switch (job.variant) {
		case 'userflow-default':
			stopSampling = sampleGate(job.baseUrl, job.apiKey, undefined);
			action = userflowUpsertNode();
			break;
		case 'userflow-max-rate':
			stopSampling = sampleGate(job.baseUrl, job.apiKey, rate);
			action = userflowUpsertNode(rate);
			break;
		case 'http-default':
			action = httpRequestUpsertNode({ baseUrl: job.baseUrl, apiKey: job.apiKey });
			break;
		case 'http-batching':
			// 1 item per batch, interval = 1000 / limit ms: n8n's forum advice for a known limit.
			action = httpRequestUpsertNode({
				baseUrl: job.baseUrl,
				apiKey: job.apiKey,
				batching: { batchSize: 1, batchInterval: Math.ceil(1000 / rate) },
			});
			break;
		case 'http-retry':
			action = httpRequestUpsertNode({ baseUrl: job.baseUrl, apiKey: job.apiKey, retry: {} });
			break;
		case 'http-retry-max':
			action = httpRequestUpsertNode({ baseUrl: job.baseUrl, apiKey: job.apiKey, retry: { maxTries: 5, waitBetweenTries: 5000 } });
			break;
	}
	const run = await runAction(action, items, userflowCredentials(job.baseUrl, job.apiKey));
	const gateRates = stopSampling?.() ?? [];
	const errorItems = run.output.filter((item) => item.json.error !== undefined || item.error !== undefined).length;
	return {
		kind: 'upsert',
		status: run.result.status === 'success' ? 'success' : 'error',
		wallMs: run.wallMs,
		okItems: run.output.length - errorItems,
		errorItems,
		errorMessage: errorMessageOf(run.result),
		gateRates,
	};
}

async function runGetMany(job: Extract<ChildJob, { kind: 'getMany' }>): Promise<GetManyOutcome> {
	global.gc?.();
	const rssBeforeBytes = process.memoryUsage.rss();
	const heapBeforeBytes = process.memoryUsage().heapUsed;
	let rssPeakBytes = rssBeforeBytes;
	let heapPeakBytes = heapBeforeBytes;
	const timer = setInterval(() => {
		const usage = process.memoryUsage();
		rssPeakBytes = Math.max(rssPeakBytes, usage.rss);
		heapPeakBytes = Math.max(heapPeakBytes, usage.heapUsed);
	}, 10);
	const run = await runAction(userflowGetAllUsersNode(), [{}], userflowCredentials(job.baseUrl, job.apiKey));
	clearInterval(timer);
	const usage = process.memoryUsage();
	rssPeakBytes = Math.max(rssPeakBytes, usage.rss);
	heapPeakBytes = Math.max(heapPeakBytes, usage.heapUsed);
	const ids = new Set(run.output.map((item) => String(item.json.id)));
	await send({ type: 'mark' });
	const warm = await runAction(userflowGetAllUsersNode(), [{}], userflowCredentials(job.baseUrl, job.apiKey));
	return {
		warmWallMs: warm.wallMs,
		warmItems: warm.output.length,
		kind: 'getMany',
		status: run.result.status === 'success' ? 'success' : 'error',
		errorMessage: errorMessageOf(run.result),
		wallMs: run.wallMs,
		items: run.output.length,
		distinctIds: ids.size,
		rssBeforeBytes,
		rssPeakBytes,
		maxRssBytes: process.resourceUsage().maxRSS * 1024,
		heapBeforeBytes,
		heapPeakBytes,
	};
}

async function runCpu(job: Extract<ChildJob, { kind: 'cpu' }>): Promise<CpuOutcome> {
	const items = benchUsers(job.count) as unknown as IDataObject[];
	const action =
		job.node === 'userflow' ? userflowUpsertNode() : httpRequestUpsertNode({ baseUrl: job.baseUrl, apiKey: job.apiKey });
	const outcome: CpuOutcome = { kind: 'cpu', node: job.node, count: job.count, cpuMicrosPerItem: [], wallMsPerRun: [], failures: [] };
	// Repetition 0 warms up the JIT, sockets and (for this node) the rate gate; it is not kept.
	for (let repetition = 0; repetition <= job.repetitions; repetition++) {
		global.gc?.();
		const before = process.cpuUsage();
		const run = await runAction(action, items, userflowCredentials(job.baseUrl, job.apiKey));
		const used = process.cpuUsage(before);
		if (run.result.status !== 'success' || run.output.length !== job.count) {
			outcome.failures.push(errorMessageOf(run.result) ?? `${run.output.length} of ${job.count} items`);
		}
		if (repetition === 0) continue;
		outcome.cpuMicrosPerItem.push((used.user + used.system) / job.count);
		outcome.wallMsPerRun.push(run.wallMs);
	}
	return outcome;
}

async function runJob(job: ChildJob): Promise<ChildOutcome> {
	switch (job.kind) {
		case 'upsert':
			return await runUpsert(job);
		case 'getMany':
			return await runGetMany(job);
		case 'cpu':
			return await runCpu(job);
		case 'skip':
			return await runSkipJob(job);
	}
}

process.once('message', (job: ChildJob) => {
	runJob(job)
		.then(async (outcome) => await send({ type: 'result', outcome }))
		.catch(async (error) => await send({ type: 'fatal', message: String((error as Error)?.stack ?? error) }))
		.finally(() => process.exit(0));
});
const unavailable = preloadNodeTypes();
if (unavailable) console.warn(`[bench] the Userflow node could not be loaded: ${unavailable}`);
void send({ type: 'ready' });
