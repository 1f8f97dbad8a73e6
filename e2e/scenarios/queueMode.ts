/**
 * n8n's queue mode: Redis, PostgreSQL, a main process and two workers, each with the packed
 * package in its own user folder, against an emulator that limits the one API key they share.
 * Every request is tagged with the process that sent it (lib/queue/socketOwners.ts), every
 * execution with the worker that ran it (the workers' logs), so the scenario proves where
 * things ran, not only that they ran:
 *
 * 1. backfill across workers: 2, then 4 exports of N users (E2E_QUEUE_USERS) posted at once to a webhook of
 *    main; the workers run them. Every user stored once, every item has its output, nothing
 *    fails; measured: wall / (items / limit), accepted rate / limit in all and per worker, 429s.
 * 2. the polling trigger polls in main only, once a minute, and each new user runs exactly one
 *    execution, on a worker: across a restart of main, and a restart of the workers during
 *    which a poll's execution waits in the queue (queueTrigger.ts).
 * 3. the Webhook Trigger (example 07): one subscription, created by main; deliveries arrive at
 *    main, each runs once on a worker, redeliveries run nothing, restarts add no subscription
 *    (queueWebhook.ts).
 * 4. bulk and trigger at once: after the restart the workers run with --concurrency=1 and
 *    update 4 × N users while the trigger keeps polling the same key: the polls are
 *    delayed, never failed or doubled, and the backfill's figures are measured as in 1.
 *
 * The figures are reported (and written to queue-mode.json/.md), not asserted: they depend on
 * the machine. What is asserted holds on any machine: nothing lost, doubled or failed, and
 * everything ran where queue mode says it runs.
 */
import assert from 'node:assert/strict';
import { cpus, loadavg } from 'node:os';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type UserflowEmulator } from '../../emulator';
import { importCredential } from '../lib/credential';
import { delay, type N8nInstall } from '../lib/n8nCli';
import { runBackfill, BACKFILL_UPSERT_NODE, BACKFILL_WEBHOOK_PATH, type BackfillPlan } from '../lib/queue/backfill';
import { backfillFigures, backfillProblems, type BackfillFigures } from '../lib/queue/backfillFigures';
import { ExecutionData, type NodeOutput } from '../lib/queue/executions';
import { QueueCluster } from '../lib/queue/queueCluster';
import { RequestOrigins } from '../lib/queue/requestOrigins';
import { renderQueueResults, writeQueueResults, type QueueModeResults } from '../lib/queue/results';
import { addUsers, untilNextPollIn, workerLogs, type Scene } from '../lib/queue/scene';
import { workersByExecution } from '../lib/queue/workerLogs';
import type { Report } from '../lib/report';
import { waitUntil } from '../lib/seenEvents';
import { n8nId, prepareForImport, readWorkflow, writeJson } from '../lib/workflows';
import { activate } from './pollingTrigger';
import { firstTriggerRound, restartMain, restartWorkers, triggerRecord } from './queueTrigger';
import { WEBHOOK_EXAMPLE_FILE, webhookRecord, webhookRound } from './queueWebhook';

/** The n8n versions the scenario runs against (the newest: 2.41.1). */
export const QUEUE_MODE_VERSIONS = ['2'];
/** The key's limit in the emulator (E2E_QUEUE_RATE overrides it). */
const LIMIT = Number(process.env.E2E_QUEUE_RATE ?? 30);
const LATENCY_MS = 30;
/**
 * Users per export. 250 keeps the scenario inside CI's time; E2E_QUEUE_USERS=1000 is the full
 * run the issue describes (bench/queue-mode.sh, the README's figures).
 */
const USERS_PER_EXECUTION = Number(process.env.E2E_QUEUE_USERS ?? 250);
const USERS = USERS_PER_EXECUTION.toLocaleString('en-US');
const WORKERS = 2;
const FIXTURES = join(__dirname, '..', 'fixtures');
const BACKFILL_FIXTURE = join(FIXTURES, 'queue', 'backfill-webhook.json');
const TRIGGER_FIXTURE = join(FIXTURES, 'trigger-new-users.json');

export interface QueueModeInput {
	install: N8nInstall;
	tarball: string;
	workDir: string;
	report: Report;
}

/** A backfill, what to wait for before it starts, and what the scenario does meanwhile (add users for the trigger to find). */
type RunPlan = BackfillPlan & { beforeRun?: (s: Scene) => Promise<void>; duringRun?: (s: Scene) => Promise<void> };

const newUsers = (run: string, executions: number): RunPlan => ({
	run,
	executions,
	usersPerExecution: USERS_PER_EXECUTION,
	concurrency: 'default',
});

export async function runQueueMode({ install, tarball, workDir, report }: QueueModeInput): Promise<void> {
	const started = Date.now();
	const logDir = join(workDir, 'queue');
	const emulator = await startEmulator({ strictVersionHeader: true, latencyMs: LATENCY_MS, rateLimit: { perSecond: LIMIT, burst: LIMIT } });
	const results: QueueModeResults = {
		recordedAt: new Date().toISOString(),
		machine: { cpus: cpus().length, loadAverageBefore: loadavg() },
		setup: { n8n: n8nVersion(install), limitPerSecond: LIMIT, latencyMs: LATENCY_MS, usersPerExecution: USERS_PER_EXECUTION, workers: WORKERS, timings: {} },
		backfills: [],
	};
	let scene: Scene | undefined;
	try {
		await report.step(`queue: Redis, PostgreSQL, n8n main and ${WORKERS} workers, each loading the packed package`, async () => {
			scene = await setUp(install, tarball, logDir, emulator);
		});
		if (!scene) return;
		const s = scene;
		const step = (name: string, body: () => Promise<void>) => report.step(`queue: ${name}`, body);
		const backfill = (name: string, plan: RunPlan) =>
			step(name, async () => {
				const figures = await measureBackfill(s, plan);
				results.backfills.push(figures);
				assert.deepEqual(backfillProblems(figures), [], `backfill ${plan.run}`);
			});

		const part1 =
			(await backfill(`backfill, 2 executions × ${USERS} users at once, on the workers`, newUsers('b2', 2))) &&
			(await backfill(`backfill, 4 executions × ${USERS} users at once, on the workers`, newUsers('b4', 4)));
		if (!part1) return;
		const part2and3 =
			(await step('polling trigger and Webhook Trigger published; activation poll in main; each new user runs once, on a worker', () =>
				firstTriggerRound(s, [s.workflows.webhook]),
			)) &&
			(await step('restart of main: the cursor survives, no user replayed; the one subscription stays', () => restartMain(s))) &&
			(await step('Webhook Trigger: deliveries reach main, each notification runs once on a worker, redeliveries run nothing', () =>
				webhookRound(s),
			)) &&
			(await step('restart of the workers (then --concurrency=1): a poll\'s execution waits in the queue and runs once', () =>
				restartWorkers(s, 1),
			));
		if (!part2and3) return;
		await backfill(`backfill, 4 executions × ${USERS} updates on --concurrency=1 workers while the trigger polls the same key`, {
			...newUsers('u4c1', 4),
			concurrency: 1,
			userIds: (k, i) => `b4_${k}_${i}`,
			// A poll falls inside the backfill whatever its size: started 30 s before the next is due.
			beforeRun: () => untilNextPollIn(s, 30_000),
			duringRun: async () => {
				addUsers(s, ['q_new_5']);
				await delay(30_000);
				addUsers(s, ['q_new_6']);
			},
		});
		await step('every poll in main, once per interval; every new user in exactly one execution, on a worker', async () => {
			results.trigger = await triggerRecord(s);
		});
		await step('one webhook subscription in all, created by main; every webhook execution on one worker', async () => {
			results.webhook = await webhookRecord(s);
		});
	} finally {
		await scene?.cluster.close();
		await emulator.close();
		if (scene) results.setup.timings = { ...scene.cluster.timings, ...prefixed('postgres ', scene.cluster.postgresTimings) };
		results.machine.loadAverageAfter = loadavg();
		results.durationSeconds = (Date.now() - started) / 1000;
		const folders = [logDir, ...(process.env.E2E_QUEUE_RESULTS ? [process.env.E2E_QUEUE_RESULTS] : [])];
		writeQueueResults(results, folders);
		console.log(renderQueueResults(results));
		console.log(`[e2e queue] figures written to ${folders.map((f) => join(f, 'queue-mode.md')).join(', ')}`);
	}
}

async function setUp(install: N8nInstall, tarball: string, logDir: string, emulator: UserflowEmulator): Promise<Scene> {
	const cluster = await QueueCluster.create({ install, tarball, logDir, workers: WORKERS });
	try {
		const origins = new RequestOrigins(emulator, () => cluster.processes());
		const workflows = await cluster.timed('CLI imports', () => importFixtures(cluster, emulator, logDir));
		await activate(cluster.main, workflows.backfill);
		await cluster.startMain();
		await waitForWebhook(cluster.mainUrl, BACKFILL_WEBHOOK_PATH);
		await cluster.startWorkers();
		return {
			cluster,
			emulator,
			origins,
			runData: new ExecutionData(cluster.db, install.n8nBin),
			workflows,
			sessions: [],
			newUsers: [],
			backfillSpans: [],
		};
	} catch (error) {
		await cluster.close();
		throw error;
	}
}

async function importFixtures(cluster: QueueCluster, emulator: UserflowEmulator, logDir: string): Promise<Scene['workflows']> {
	const credential = await importCredential(cluster.main, emulator, logDir);
	const workflows = { backfill: n8nId('e2equeue', 1), trigger: n8nId('e2equeue', 2), webhook: n8nId('e2equeue', 3) };
	// One CLI run for all three (each n8n CLI start costs seconds): a folder, imported with --separate.
	const folder = join(logDir, 'import');
	mkdirSync(folder, { recursive: true });
	for (const [file, id] of [
		[BACKFILL_FIXTURE, workflows.backfill],
		[TRIGGER_FIXTURE, workflows.trigger],
		[WEBHOOK_EXAMPLE_FILE, workflows.webhook],
	]) {
		writeJson(join(folder, `${id}.json`), prepareForImport(readWorkflow(file, emulator.baseUrl), id, credential));
	}
	await cluster.main.runOk('import:workflow', '--separate', `--input=${folder}`);
	return workflows;
}

/** A registered POST webhook answers GET with 404 "not registered for GET requests. Did you mean ... POST". */
async function waitForWebhook(mainUrl: string, path: string): Promise<void> {
	await waitUntil(
		async () => {
			const response = await fetch(`${mainUrl}/webhook/${path}`).catch(() => undefined);
			return (await response?.text())?.includes('POST request') === true;
		},
		`main to register the webhook /webhook/${path}`,
		60_000,
	);
}

async function measureBackfill(s: Scene, plan: RunPlan): Promise<BackfillFigures> {
	const floorMs = ((plan.executions * plan.usersPerExecution) / LIMIT) * 1000;
	await plan.beforeRun?.(s);
	const running = runBackfill({ db: s.cluster.db, mainUrl: s.cluster.mainUrl, workflowId: s.workflows.backfill }, plan, 5 * floorMs + 180_000);
	const during = plan.duringRun?.(s);
	const outcome = await running;
	await during;
	s.backfillSpans.push([outcome.sentAt, outcome.finishedAt]);
	await delay(LATENCY_MS * 3); // the last answers are recorded
	const outputs = new Map<string, NodeOutput>();
	for (const execution of outcome.executions) outputs.set(execution.id, await s.runData.nodeOutput(execution.id, BACKFILL_UPSERT_NODE));
	return backfillFigures({
		outcome,
		limit: LIMIT,
		requests: s.emulator.requests,
		originOf: (request) => s.origins.of(request),
		users: s.emulator.store.users,
		workersByExecution: workersByExecution(workerLogs(s.cluster)),
		outputs,
	});
}

function n8nVersion(install: N8nInstall): string {
	try {
		return (require(join(install.n8nBin, '..', '..', 'package.json')) as { version: string }).version;
	} catch {
		return `major ${install.label}`;
	}
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
	return Object.fromEntries(Object.entries(values).map(([key, value]) => [`${prefix}${key}`, value]));
}
