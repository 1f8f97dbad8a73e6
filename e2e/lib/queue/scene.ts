/**
 * The state the queue scenario's parts share: the cluster, the emulator and where each request
 * came from, the workflows, and what the scenario did (main's sessions with the trigger, the new
 * users, the backfills' time spans), plus the small helpers every part uses.
 */
import type { UserflowEmulator } from '../../../emulator';
import { delay } from '../n8nCli';
import { addUsers as addEmulatorUsers, seenCounts as seenEventCounts, waitUntil } from '../seenEvents';
import type { ExecutionData } from './executions';
import { pollsOf, type MainSession } from './polls';
import type { QueueCluster } from './queueCluster';
import type { RequestOrigins } from './requestOrigins';

export interface Scene {
	cluster: QueueCluster;
	emulator: UserflowEmulator;
	origins: RequestOrigins;
	runData: ExecutionData;
	workflows: { backfill: string; trigger: string; webhook: string };
	/** Spans in which main ran with the polling trigger published. */
	sessions: MainSession[];
	/** The users added while the trigger was active, in order. */
	newUsers: string[];
	/** Spans in which a backfill ran (the polls inside one were delayed by it). */
	backfillSpans: Array<[number, number]>;
}

/** A minute poll, n8n's scheduling slack and the execution (which may wait for a busy worker). */
export const POLL_TIMEOUT_MS = 150_000;
/** After the expected executions: time for a duplicate one to show up. */
export const SETTLE_MS = 5_000;

export function addUsers(s: Scene, ids: string[]): void {
	addEmulatorUsers(s.emulator, ids);
	s.newUsers.push(...ids);
}

export const seenCounts = (s: Scene) => seenEventCounts(s.emulator);

/** What seenCounts must be: every new user so far tracked exactly once, no other user ever. */
export const eachNewUserOnce = (s: Scene) => Object.fromEntries(s.newUsers.map((user) => [user, 1]));

export const originOf = (s: Scene) => (request: Parameters<RequestOrigins['of']>[0]) => s.origins.of(request);

/** worker label -> its log file (where n8n logs the executions it starts). */
export function workerLogs(cluster: QueueCluster): Map<string, string> {
	return new Map(cluster.workerLabels.map((label) => [label, cluster.logFileOf(label)]));
}

export async function waitForPoll(s: Scene, since: number, what: string): Promise<void> {
	await waitUntil(
		() => pollsOf(s.emulator.requests, originOf(s)).some((poll) => poll.startedAt >= since && poll.answered),
		`${what} (a successful GET /users)`,
		POLL_TIMEOUT_MS,
	);
}

export async function waitForSeen(s: Scene, users: string[], timeoutMs = POLL_TIMEOUT_MS): Promise<void> {
	await waitUntil(
		() => users.every((user) => (seenCounts(s)[user] ?? 0) > 0),
		() => `e2e_seen for ${users.join(', ')} (so far: ${JSON.stringify(seenCounts(s))})`,
		timeoutMs,
	);
}

/** The trigger's interval (pollTimes: every minute). */
export const POLL_INTERVAL_MS = 60_000;

/**
 * Waits until main's next poll is due in `leadMs` (from its last answered poll and the interval),
 * so that what starts now is running when that poll comes, whatever its size.
 */
export async function untilNextPollIn(s: Scene, leadMs: number): Promise<void> {
	const last = pollsOf(s.emulator.requests, originOf(s))
		.filter((poll) => poll.process === 'main' && poll.answered)
		.at(-1);
	if (!last) throw new Error('no poll from main yet to time the next one by');
	let due = last.startedAt + POLL_INTERVAL_MS;
	while (due - Date.now() < leadMs) due += POLL_INTERVAL_MS;
	await delay(due - leadMs - Date.now());
}

export async function startMainSession(s: Scene): Promise<void> {
	s.sessions.push({ startedAt: Date.now() });
	await s.cluster.startMain();
}

export async function stopMainSession(s: Scene): Promise<void> {
	await s.cluster.stopMain();
	lastSession(s).stoppedAt = Date.now();
}

export function lastSession(s: Scene): MainSession {
	const session = s.sessions[s.sessions.length - 1];
	if (!session) throw new Error('main has not run with the trigger yet');
	return session;
}
