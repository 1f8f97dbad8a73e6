/**
 * The queue scenario's polling-trigger part (e2e/fixtures/trigger-new-users.json: every new
 * user is tracked as an `e2e_seen` event by our Userflow node, so executions per user are read
 * from the emulator). main polls, a worker runs what a poll emits:
 *   publish, start main -> activation poll -> 2 new users -> next minute poll, one execution
 *   restart main, a user added while it is down -> the activation poll finds it, once
 *   stop the workers, a user -> main's poll emits it, the execution waits in the queue
 *   -> start the workers (--concurrency=1) -> it runs once
 * and, after the backfill that runs while the trigger polls, the whole record: every poll from
 * main, once per interval, none while main was down; every new user in exactly one execution,
 * run by one worker; the old users never.
 */
import assert from 'node:assert/strict';
import { delay } from '../lib/n8nCli';
import { listExecutions } from '../lib/queue/executions';
import { pollScheduleProblems, pollsOf } from '../lib/queue/polls';
import type { TriggerRecord } from '../lib/queue/results';
import {
	addUsers,
	eachNewUserOnce,
	lastSession,
	originOf,
	POLL_TIMEOUT_MS,
	seenCounts,
	SETTLE_MS,
	startMainSession,
	stopMainSession,
	waitForPoll,
	waitForSeen,
	workerLogs,
	type Scene,
} from '../lib/queue/scene';
import { workersByExecution } from '../lib/queue/workerLogs';
import { waitUntil } from '../lib/seenEvents';
import { activate } from './pollingTrigger';

const TRIGGER_NODE = 'Userflow Trigger';

/** Publishes the trigger (and `alsoPublish`) while main is down, so the next start activates them. */
export async function firstTriggerRound(s: Scene, alsoPublish: string[] = []): Promise<void> {
	await s.cluster.stopMain();
	// Existed before activation: never a "new user". The backfills' users are old too.
	s.emulator.store.addUser('q_old', { name: 'Existed before activation' });
	// Side by side: each `n8n publish:workflow` is a CLI start of several seconds.
	await Promise.all([s.workflows.trigger, ...alsoPublish].map((id) => activate(s.cluster.main, id)));
	await startMainSession(s);
	await waitForPoll(s, lastSession(s).startedAt, 'the activation poll');
	addUsers(s, ['q_new_1', 'q_new_2']);
	await waitForSeen(s, s.newUsers);
	await delay(SETTLE_MS);
	assert.deepEqual(seenCounts(s), eachNewUserOnce(s), 'e2e_seen per user after the first minute poll');
}

export async function restartMain(s: Scene): Promise<void> {
	await stopMainSession(s);
	addUsers(s, ['q_new_3']); // while main is down: the activation poll after the restart finds it
	await startMainSession(s);
	await waitForSeen(s, s.newUsers);
	await delay(SETTLE_MS);
	assert.deepEqual(seenCounts(s), eachNewUserOnce(s), 'e2e_seen per user after the restart of main');
}

export async function restartWorkers(s: Scene, concurrency: number): Promise<void> {
	await s.cluster.stopWorkers();
	const stoppedAt = Date.now();
	addUsers(s, ['q_new_4']);
	// The next poll (in main) emits q_new_4; with no worker running, its execution waits in the queue.
	await waitForPoll(s, stoppedAt, 'a poll while no worker runs');
	await waitUntil(
		async () => (await listExecutions(s.cluster.db, s.workflows.trigger)).some((row) => row.status === 'new'),
		'the poll\'s execution to wait in the queue (status "new")',
		30_000,
	);
	assert.equal(seenCounts(s).q_new_4, undefined, 'no execution ran while no worker was running');
	await s.cluster.startWorkers({ concurrency });
	await waitForSeen(s, s.newUsers);
	await delay(SETTLE_MS);
	assert.deepEqual(seenCounts(s), eachNewUserOnce(s), 'e2e_seen per user after the restart of the workers');
}

export async function triggerRecord(s: Scene): Promise<TriggerRecord> {
	// The last users' executions queued behind a backfill on --concurrency=1 workers.
	await waitForSeen(s, s.newUsers, 2 * POLL_TIMEOUT_MS);
	await delay(SETTLE_MS);
	lastSession(s).stoppedAt = Date.now();
	const polls = pollsOf(s.emulator.requests, originOf(s));
	const pollsDuringBackfill = polls.filter((poll) => s.backfillSpans.some(([from, to]) => poll.startedAt >= from && poll.startedAt <= to));

	const problems: string[] = [];
	const workers = workersByExecution(workerLogs(s.cluster));
	const executionsPerUser: Record<string, string[]> = Object.fromEntries(s.newUsers.map((user) => [user, []]));
	for (const execution of await listExecutions(s.cluster.db, s.workflows.trigger)) {
		const ranOn = workers.get(execution.id) ?? [];
		if (execution.status !== 'success') problems.push(`trigger execution ${execution.id} is ${execution.status}`);
		if (ranOn.length !== 1) problems.push(`trigger execution ${execution.id} was started by ${ranOn.length} workers`);
		for (const item of (await s.runData.nodeOutput(execution.id, TRIGGER_NODE)).items) {
			(executionsPerUser[String(item.id)] ??= []).push(`${execution.id} on ${ranOn.join('+') || 'no worker'}`);
		}
	}
	for (const [user, ran] of Object.entries(executionsPerUser)) {
		if (!s.newUsers.includes(user)) problems.push(`${user} was emitted, but is not a new user`);
		else if (ran.length !== 1) problems.push(`${user} was emitted by ${ran.length} executions (${ran.join(', ')})`);
	}
	const tracked = s.emulator.requests.filter(
		(r) => r.method === 'POST' && r.path === '/events' && r.status === 200 && (r.body as { name?: unknown })?.name === 'e2e_seen',
	);
	const trackedBy = [...new Set(tracked.map(originOf(s)))].filter((origin) => !origin.startsWith('worker-'));
	if (trackedBy.length) problems.push(`e2e_seen tracked by ${trackedBy.join(', ')}, not by a worker`);
	problems.push(...pollScheduleProblems(polls, s.sessions));

	const seenPerUser = seenCounts(s);
	assert.deepEqual(problems, [], JSON.stringify({ executionsPerUser, seenPerUser }));
	assert.deepEqual(seenPerUser, eachNewUserOnce(s), 'e2e_seen per new user');
	assert.ok(pollsDuringBackfill.length > 0, 'no poll fell inside a backfill: the bulk-plus-trigger case went untested');
	return { polls, pollsDuringBackfill, executionsPerUser, seenPerUser };
}
