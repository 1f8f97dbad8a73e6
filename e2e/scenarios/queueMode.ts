/**
 * n8n's queue mode: Redis, PostgreSQL, a main process and two workers, each with the packed
 * package in its own user folder, against an emulator that limits the one API key they share.
 * Every request is tagged with the process that sent it (lib/queue/socketOwners.ts), every
 * execution with the worker that ran it (the workers' logs), so the scenario proves where
 * things ran, not only that they ran:
 *
 * 1. backfill across workers: 2, then 4 exports of 1,000 users posted at once to a webhook of
 *    main; the workers run them. Every user stored once, every item has its output, nothing
 *    fails; measured: wall / (items / limit), accepted rate / limit in all and per worker, 429s.
 * 2. the polling trigger (e2e/fixtures/trigger-new-users.json) polls in main only, once a
 *    minute, and each new user runs exactly one execution, on a worker: across a restart of
 *    main, and a restart of the workers during which a poll's execution waits in the queue.
 * 4. bulk and trigger at once: after the restart the workers run with --concurrency=1 and
 *    update 4 × 1,000 users while the trigger keeps polling the same key: the polls are
 *    delayed, never failed or doubled, and the backfill's figures are measured as in 1.
 *
 * The figures are reported (and written to queue-mode.json/.md), not asserted: they depend on
 * the machine. What is asserted holds on any machine: nothing lost, doubled or failed, and
 * everything ran where queue mode says it runs.
 */
import assert from 'node:assert/strict';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type UserflowEmulator } from '../../emulator';
import { importCredential } from '../lib/credential';
import { delay, type N8nInstall } from '../lib/n8nCli';
import { runBackfill, BACKFILL_UPSERT_NODE, BACKFILL_WEBHOOK_PATH, type BackfillPlan } from '../lib/queue/backfill';
import { backfillFigures, backfillProblems, type BackfillFigures } from '../lib/queue/backfillFigures';
import { ExecutionData, listExecutions, type NodeOutput } from '../lib/queue/executions';
import { pollScheduleProblems, pollsOf, type MainSession } from '../lib/queue/polls';
import { QueueCluster } from '../lib/queue/queueCluster';
import { RequestOrigins } from '../lib/queue/requestOrigins';
import { writeQueueResults, renderQueueResults, type QueueModeResults } from '../lib/queue/results';
import { workersByExecution } from '../lib/queue/workerLogs';
import type { Report } from '../lib/report';
import { addUsers as addEmulatorUsers, seenCounts as seenEventCounts, waitUntil } from '../lib/seenEvents';
import { n8nId, prepareForImport, readWorkflow, writeJson, type ImportedCredential } from '../lib/workflows';
import { activate } from './pollingTrigger';

/** The n8n versions the scenario runs against (the newest: 2.41.1). */
export const QUEUE_MODE_VERSIONS = ['2'];
/** The key's limit in the emulator (E2E_QUEUE_RATE overrides it). */
const LIMIT = Number(process.env.E2E_QUEUE_RATE ?? 30);
const LATENCY_MS = 30;
const USERS_PER_EXECUTION = 1000;
const WORKERS = 2;
const FIXTURES = join(__dirname, '..', 'fixtures');
const BACKFILL_FIXTURE = join(FIXTURES, 'queue', 'backfill-webhook.json');
const TRIGGER_FIXTURE = join(FIXTURES, 'trigger-new-users.json');
const TRIGGER_NODE = 'Userflow Trigger';
/** A minute poll, n8n's scheduling slack and the execution (which may wait for a busy worker). */
const POLL_TIMEOUT_MS = 150_000;
/** After the expected executions: time for a duplicate one to show up. */
const SETTLE_MS = 5_000;

export interface QueueModeInput {
	install: N8nInstall;
	tarball: string;
	workDir: string;
	report: Report;
}

interface Scene {
	cluster: QueueCluster;
	emulator: UserflowEmulator;
	origins: RequestOrigins;
	runData: ExecutionData;
	backfillWorkflowId: string;
	triggerWorkflowId: string;
	/** When main ran with the trigger published. */
	sessions: MainSession[];
	/** The users added while the trigger was active, in order. */
	newUsers: string[];
	/** Spans in which a backfill ran (for the polls that fell inside one). */
	backfillSpans: Array<[number, number]>;
}

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

		const backfill = (name: string, plan: RunPlan) =>
			report.step(name, async () => {
				const figures = await measureBackfill(s, plan);
				results.backfills.push(figures);
				const problems = backfillProblems(figures);
				assert.deepEqual(problems, [], `backfill ${plan.run}`);
			});
		if (!(await backfill('queue: backfill, 2 executions × 1,000 users at once, on the workers', plan('b2', 2)))) return;
		if (!(await backfill('queue: backfill, 4 executions × 1,000 users at once, on the workers', plan('b4', 4)))) return;

		const triggerReady = await report.step('queue: polling trigger published; activation poll in main; each new user runs once, on a worker', () =>
			firstTriggerRound(s),
		);
		if (!triggerReady) return;
		if (!(await report.step('queue: restart of main: the cursor survives, no user replayed', () => restartMain(s)))) return;
		const restarted = await report.step(
			'queue: restart of the workers (then --concurrency=1): a poll\'s execution waits in the queue and runs once',
			() => restartWorkers(s),
		);
		if (!restarted) return;
		await backfill('queue: backfill, 4 executions × 1,000 updates on --concurrency=1 workers while the trigger polls', {
			...plan('u4c1', 4),
			concurrency: 1,
			userIds: (k, i) => `b4_${k}_${i}`,
			duringRun: async () => {
				addUsers(s, ['q_new_5']);
				await delay(30_000);
				addUsers(s, ['q_new_6']);
			},
		});
		await report.step('queue: every poll in main, once per interval; every new user in exactly one execution, on a worker', async () => {
			results.trigger = await triggerOutcome(s);
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

/** A backfill, and what the scenario does meanwhile (add users for the trigger to find). */
type RunPlan = BackfillPlan & { duringRun?: () => Promise<void> };

function plan(run: string, executions: number): RunPlan {
	return { run, executions, usersPerExecution: USERS_PER_EXECUTION, concurrency: 'default' };
}

async function setUp(install: N8nInstall, tarball: string, logDir: string, emulator: UserflowEmulator): Promise<Scene> {
	const cluster = await QueueCluster.create({ install, tarball, logDir, workers: WORKERS });
	try {
		const origins = new RequestOrigins(emulator, () => cluster.processes());
		const credential = await cluster.timed('CLI imports', () => importFixtures(cluster, emulator, logDir));
		await activate(cluster.main, credential.backfillWorkflowId);
		await cluster.startMain();
		await waitForWebhook(cluster.mainUrl, BACKFILL_WEBHOOK_PATH);
		await cluster.startWorkers();
		return {
			cluster,
			emulator,
			origins,
			runData: new ExecutionData(cluster.db, install.n8nBin),
			backfillWorkflowId: credential.backfillWorkflowId,
			triggerWorkflowId: credential.triggerWorkflowId,
			sessions: [],
			newUsers: [],
			backfillSpans: [],
		};
	} catch (error) {
		await cluster.close();
		throw error;
	}
}

async function importFixtures(cluster: QueueCluster, emulator: UserflowEmulator, logDir: string) {
	const credential: ImportedCredential = await importCredential(cluster.main, emulator, logDir);
	const ids = { backfillWorkflowId: n8nId('e2equeue', 1), triggerWorkflowId: n8nId('e2equeue', 2) };
	for (const [file, id] of [
		[BACKFILL_FIXTURE, ids.backfillWorkflowId],
		[TRIGGER_FIXTURE, ids.triggerWorkflowId],
	]) {
		const workflow = prepareForImport(readWorkflow(file, emulator.baseUrl), id, credential);
		await cluster.main.runOk('import:workflow', `--input=${writeJson(join(logDir, `import-${id}.json`), workflow)}`);
	}
	return ids;
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
	const running = runBackfill({ db: s.cluster.db, mainUrl: s.cluster.mainUrl, workflowId: s.backfillWorkflowId }, plan, 5 * floorMs + 180_000);
	const during = plan.duringRun?.();
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

function workerLogs(cluster: QueueCluster): Map<string, string> {
	return new Map(cluster.workerLabels.map((label) => [label, cluster.logFileOf(label)]));
}

async function firstTriggerRound(s: Scene): Promise<void> {
	await s.cluster.stopMain();
	// Existed before activation: never a "new user". The backfills' 6,000 users are old too.
	s.emulator.store.addUser('q_old', { name: 'Existed before activation' });
	await activate(s.cluster.main, s.triggerWorkflowId);
	await startMainSession(s);
	await waitForPoll(s, lastSession(s).startedAt, 'the activation poll');
	addUsers(s, ['q_new_1', 'q_new_2']);
	await waitForSeen(s, ['q_new_1', 'q_new_2']);
	await delay(SETTLE_MS);
	assert.deepEqual(seenCounts(s), { q_new_1: 1, q_new_2: 1 }, 'e2e_seen per user after the first minute poll');
}

async function restartMain(s: Scene): Promise<void> {
	await stopMainSession(s);
	addUsers(s, ['q_new_3']); // while main is down: the activation poll after the restart finds it
	await startMainSession(s);
	await waitForSeen(s, ['q_new_3']);
	await delay(SETTLE_MS);
	assert.deepEqual(seenCounts(s), { q_new_1: 1, q_new_2: 1, q_new_3: 1 }, 'e2e_seen per user after the restart of main');
}

async function restartWorkers(s: Scene): Promise<void> {
	await s.cluster.stopWorkers();
	const stoppedAt = Date.now();
	addUsers(s, ['q_new_4']);
	// The next poll (in main) emits q_new_4; with no worker running, its execution waits in the queue.
	await waitForPoll(s, stoppedAt, 'a poll while no worker runs');
	await waitUntil(
		async () => (await listExecutions(s.cluster.db, s.triggerWorkflowId)).some((row) => row.status === 'new'),
		'the poll\'s execution to wait in the queue (status "new")',
		30_000,
	);
	assert.equal(seenCounts(s).q_new_4, undefined, 'no execution ran while no worker was running');
	await s.cluster.startWorkers({ concurrency: 1 });
	await waitForSeen(s, ['q_new_4']);
	await delay(SETTLE_MS);
	assert.deepEqual(seenCounts(s), { q_new_1: 1, q_new_2: 1, q_new_3: 1, q_new_4: 1 }, 'e2e_seen per user after the restart of the workers');
}

async function triggerOutcome(s: Scene): Promise<NonNullable<QueueModeResults['trigger']>> {
	// The last users' executions queued behind the backfill on --concurrency=1 workers.
	await waitForSeen(s, s.newUsers, 2 * POLL_TIMEOUT_MS);
	await delay(SETTLE_MS);
	lastSession(s).stoppedAt = Date.now();
	const originOf = (request: Parameters<RequestOrigins['of']>[0]) => s.origins.of(request);
	const polls = pollsOf(s.emulator.requests, originOf);
	const pollsDuringBackfill = polls.filter((poll) => s.backfillSpans.some(([from, to]) => poll.startedAt >= from && poll.startedAt <= to));

	const executions = await listExecutions(s.cluster.db, s.triggerWorkflowId);
	const workers = workersByExecution(workerLogs(s.cluster));
	const executionsPerUser: Record<string, string[]> = Object.fromEntries(s.newUsers.map((user) => [user, []]));
	const problems: string[] = [];
	for (const execution of executions) {
		const ranOn = workers.get(execution.id) ?? [];
		if (execution.status !== 'success') problems.push(`trigger execution ${execution.id} is ${execution.status}`);
		if (ranOn.length !== 1) problems.push(`trigger execution ${execution.id} was started by ${ranOn.length} workers`);
		for (const item of (await s.runData.nodeOutput(execution.id, TRIGGER_NODE)).items) {
			const user = String(item.id);
			(executionsPerUser[user] ??= []).push(`${execution.id} on ${ranOn.join('+') || 'no worker'}`);
		}
	}
	const seenPerUser = seenCounts(s);
	const seenFromWorkers = s.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/events' && r.status === 200);
	const seenOrigins = [...new Set(seenFromWorkers.map(originOf))].filter((origin) => !origin.startsWith('worker-'));
	if (seenOrigins.length) problems.push(`e2e_seen tracked by ${seenOrigins.join(', ')}, not a worker`);
	problems.push(...pollScheduleProblems(polls, s.sessions));
	for (const [user, ran] of Object.entries(executionsPerUser)) {
		if (ran.length !== 1) problems.push(`${user} was emitted by ${ran.length} executions (${ran.join(', ')})`);
		if (!s.newUsers.includes(user)) problems.push(`${user} was emitted but is not a new user`);
	}
	const outcome = { polls, pollsDuringBackfill, executionsPerUser, seenPerUser };
	assert.deepEqual(problems, [], JSON.stringify({ executionsPerUser, seenPerUser }));
	assert.deepEqual(seenPerUser, Object.fromEntries(s.newUsers.map((user) => [user, 1])), 'e2e_seen per new user');
	assert.ok(pollsDuringBackfill.length > 0, 'at least one poll fell inside a backfill');
	return outcome;
}

async function startMainSession(s: Scene): Promise<void> {
	s.sessions.push({ startedAt: Date.now() });
	await s.cluster.startMain();
}

async function stopMainSession(s: Scene): Promise<void> {
	await s.cluster.stopMain();
	lastSession(s).stoppedAt = Date.now();
}

function lastSession(s: Scene): MainSession {
	const session = s.sessions[s.sessions.length - 1];
	if (!session) throw new Error('main has not run with the trigger yet');
	return session;
}

function addUsers(s: Scene, ids: string[]): void {
	addEmulatorUsers(s.emulator, ids);
	s.newUsers.push(...ids);
}

async function waitForPoll(s: Scene, since: number, what: string): Promise<void> {
	await waitUntil(
		() => pollsOf(s.emulator.requests, (r) => s.origins.of(r)).some((poll) => poll.startedAt >= since && poll.answered),
		`${what} (a successful GET /users from main)`,
		POLL_TIMEOUT_MS,
	);
}

async function waitForSeen(s: Scene, users: string[], timeoutMs = POLL_TIMEOUT_MS): Promise<void> {
	await waitUntil(
		() => users.every((user) => (seenCounts(s)[user] ?? 0) > 0),
		() => `e2e_seen for ${users.join(', ')} (so far: ${JSON.stringify(seenCounts(s))})`,
		timeoutMs,
	);
}

const seenCounts = (s: Scene) => seenEventCounts(s.emulator);

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
