/**
 * What one backfill run achieved, from the ground truth only: the emulator's request log (each
 * request tagged with the process that sent it), its store, n8n's execution records and run
 * data, and the workers' logs. Nothing here trusts what the node reports about itself.
 */
import type { RecordedRequest, StoredUser } from '../../../emulator';
import type { BackfillOutcome } from './backfill';
import type { NodeOutput } from './executions';

/** The targets for a backfill across workers. */
export const BACKFILL_TARGETS = { maxWallRatio: 1.25, maxRateLimitedShare: 0.1 };

export interface ProcessShare {
	process: string;
	/** Executions of this run the process ran (workers only). */
	executions: string[];
	requests: number;
	accepted: number;
	rateLimited: number;
	/** Accepted requests per second over the run's key-busy time: this process's share of the key. */
	acceptedPerSecond: number;
	/** From this process's first request of the run to its last. */
	activeSeconds: number;
}

/** One second of the run: accepted requests per process, and 429s. */
export interface RunSecond {
	second: number;
	accepted: Record<string, number>;
	rateLimited: number;
}

export interface BackfillFigures {
	run: string;
	executions: number;
	concurrency: number | 'default';
	items: number;
	limit: number;
	/** items / limit: no client can be faster. */
	floorSeconds: number;
	/** From posting the exports to the last execution's end, as n8n recorded it. */
	wallSeconds: number;
	wallRatio: number;
	/** From the run's first request to its last: how long the key was in use. */
	keyBusySeconds: number;
	/** Seconds from posting the exports to the first request (n8n preparing the items). */
	firstRequestAfterSeconds: number;
	requests: number;
	accepted: number;
	rateLimited: number;
	rateLimitedShare: number;
	acceptedPerSecond: number;
	/** acceptedPerSecond / limit for the whole run. */
	acceptedRatio: number;
	perProcess: ProcessShare[];
	/** Second by second from the first request: how the workers shared the key. */
	timeline: RunSecond[];
	/** Users stored with this run's marker. */
	stored: number;
	lost: number;
	/** Users whose write Userflow accepted more than once in this run. */
	duplicated: number;
	/** Output items with this run's user ids, over all executions (one per input item). */
	outputItems: number;
	/** Input items without exactly one output item. */
	unaccounted: number;
	failedExecutions: string[];
	/** Executions started by no worker, or by more than one. */
	notRunOnceOnAWorker: string[];
	/** Upserts of this run's users that came from another process than a worker (main, say). */
	writesNotFromWorkers: number;
	targets: { wall: boolean; rateLimited: boolean };
}

export interface FiguresInput {
	outcome: BackfillOutcome;
	limit: number;
	requests: RecordedRequest[];
	originOf: (request: RecordedRequest) => string;
	users: Map<string, StoredUser>;
	workersByExecution: Map<string, string[]>;
	outputs: Map<string, NodeOutput>;
}

const isAccepted = (request: RecordedRequest) => request.status >= 200 && request.status < 300;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function backfillFigures({ outcome, limit, requests, originOf, users, workersByExecution, outputs }: FiguresInput): BackfillFigures {
	const { plan } = outcome;
	const ids = outcome.userIds.flat();
	const idSet = new Set(ids);
	const inRun = requests.filter((request) => request.at >= outcome.sentAt && request.at <= outcome.finishedAt);
	const first = Math.min(...inRun.map((request) => request.at));
	const last = Math.max(...inRun.map((request) => request.at));
	const keyBusySeconds = inRun.length ? Math.max(0.001, (last - first) / 1000) : 0;

	const writes = new Map<string, number>();
	let writesNotFromWorkers = 0;
	for (const request of inRun) {
		const id = (request.body as { id?: unknown } | undefined)?.id;
		if (request.method !== 'POST' || request.path !== '/users' || typeof id !== 'string' || !idSet.has(id)) continue;
		if (!originOf(request).startsWith('worker-')) writesNotFromWorkers++;
		if (isAccepted(request)) writes.set(id, (writes.get(id) ?? 0) + 1);
	}
	const stored = ids.filter((id) => users.get(id)?.attributes.e2e_run === plan.run).length;

	const outputCounts = new Map<string, number>();
	for (const output of outputs.values()) {
		for (const item of output.items) {
			if (typeof item.id === 'string' && idSet.has(item.id)) outputCounts.set(item.id, (outputCounts.get(item.id) ?? 0) + 1);
		}
	}

	const byProcess = new Map<string, ProcessShare & { firstAt?: number; lastAt?: number }>();
	const shareOf = (process: string) => {
		const share = byProcess.get(process) ?? { process, executions: [], requests: 0, accepted: 0, rateLimited: 0, acceptedPerSecond: 0, activeSeconds: 0 };
		byProcess.set(process, share);
		return share;
	};
	const timeline: RunSecond[] = [];
	for (const request of inRun) {
		const process = originOf(request);
		const share = shareOf(process);
		share.requests++;
		share.firstAt ??= request.at;
		share.lastAt = request.at;
		const second = Math.floor((request.at - first) / 1000);
		while (timeline.length <= second) timeline.push({ second: timeline.length, accepted: {}, rateLimited: 0 });
		if (isAccepted(request)) {
			share.accepted++;
			timeline[second].accepted[process] = (timeline[second].accepted[process] ?? 0) + 1;
		}
		if (request.status === 429) {
			share.rateLimited++;
			timeline[second].rateLimited++;
		}
	}
	for (const execution of outcome.executions) {
		for (const worker of workersByExecution.get(execution.id) ?? []) shareOf(worker).executions.push(execution.id);
	}
	const perProcess = [...byProcess.values()].map(({ firstAt, lastAt, ...share }) => ({
		...share,
		acceptedPerSecond: keyBusySeconds ? round(share.accepted / keyBusySeconds) : 0,
		activeSeconds: firstAt !== undefined && lastAt !== undefined ? round((lastAt - firstAt) / 1000, 1) : 0,
	}));

	const accepted = inRun.filter(isAccepted).length;
	const rateLimited = inRun.filter((request) => request.status === 429).length;
	const floorSeconds = ids.length / limit;
	const wallSeconds = (outcome.finishedAt - outcome.sentAt) / 1000;
	const acceptedPerSecond = keyBusySeconds ? accepted / keyBusySeconds : 0;
	return {
		run: plan.run,
		executions: plan.executions,
		concurrency: plan.concurrency,
		items: ids.length,
		limit,
		floorSeconds: round(floorSeconds, 1),
		wallSeconds: round(wallSeconds, 1),
		wallRatio: round(wallSeconds / floorSeconds),
		keyBusySeconds: round(keyBusySeconds, 1),
		firstRequestAfterSeconds: inRun.length ? round((first - outcome.sentAt) / 1000, 1) : 0,
		requests: inRun.length,
		accepted,
		rateLimited,
		rateLimitedShare: inRun.length ? round(rateLimited / inRun.length, 3) : 0,
		acceptedPerSecond: round(acceptedPerSecond),
		acceptedRatio: round(acceptedPerSecond / limit),
		perProcess: perProcess.sort((a, b) => a.process.localeCompare(b.process)),
		timeline,
		stored,
		lost: ids.length - stored,
		duplicated: [...writes.values()].filter((count) => count > 1).length,
		outputItems: [...outputCounts.values()].reduce((sum, count) => sum + count, 0),
		unaccounted: ids.filter((id) => outputCounts.get(id) !== 1).length,
		failedExecutions: outcome.executions.filter((row) => row.status !== 'success').map((row) => `${row.id} (${row.status})`),
		notRunOnceOnAWorker: outcome.executions.filter((row) => (workersByExecution.get(row.id) ?? []).length !== 1).map((row) => row.id),
		writesNotFromWorkers,
		targets: {
			wall: wallSeconds / floorSeconds <= BACKFILL_TARGETS.maxWallRatio,
			rateLimited: inRun.length > 0 && rateLimited / inRun.length < BACKFILL_TARGETS.maxRateLimitedShare,
		},
	};
}

/** The promises a backfill must keep whatever the machine's speed: nothing lost, doubled or failed. */
export function backfillProblems(figures: BackfillFigures): string[] {
	const problems: string[] = [];
	if (figures.lost) problems.push(`${figures.lost} of ${figures.items} users not stored with this run's values`);
	if (figures.duplicated) problems.push(`${figures.duplicated} users written twice`);
	if (figures.unaccounted) problems.push(`${figures.unaccounted} input items without exactly one output item`);
	if (figures.failedExecutions.length) problems.push(`executions not successful: ${figures.failedExecutions.join(', ')}`);
	if (figures.notRunOnceOnAWorker.length) problems.push(`executions not started by exactly one worker: ${figures.notRunOnceOnAWorker.join(', ')}`);
	if (figures.writesNotFromWorkers) problems.push(`${figures.writesNotFromWorkers} upserts not sent by a worker`);
	return problems;
}
