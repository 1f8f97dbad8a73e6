/**
 * The Userflow Trigger's polls as the emulator saw them. A poll starts with a GET of the
 * list's first page (no `starting_after`); the same GET again right after a 429 or a server
 * error is that poll's retry, not a new poll. Each poll is tagged with the process that sent it.
 */
import type { RecordedRequest } from '../../../emulator';

export interface Poll {
	process: string;
	/** Epoch ms of its first attempt. */
	startedAt: number;
	attempts: number;
	rateLimited: number;
	/** True when its last attempt was answered 2xx. */
	answered: boolean;
	/** From the first attempt to the one answered: how long the rate limit held it up. */
	delaySeconds: number;
}

/** A span of time in which main was running with the trigger workflow active. */
export interface MainSession {
	startedAt: number;
	stoppedAt?: number;
}

/**
 * A retry follows its 429 within the request layer's longest backoff (20 s) plus the wait in
 * the gate; a poll a minute later is the next poll, even if the one before it failed.
 */
const RETRY_WITHIN_MS = 40_000;

const isFirstPage = (request: RecordedRequest, path: string) =>
	request.method === 'GET' && request.path === path && request.query.starting_after === undefined;

export function pollsOf(requests: RecordedRequest[], originOf: (request: RecordedRequest) => string, path = '/users'): Poll[] {
	const polls: Poll[] = [];
	const open = new Map<string, Poll>();
	for (const request of requests) {
		if (!isFirstPage(request, path)) continue;
		const process = originOf(request);
		let poll = open.get(process);
		const lastAttemptAt = poll ? poll.startedAt + poll.delaySeconds * 1000 : 0;
		if (!poll || poll.answered || request.at - lastAttemptAt > RETRY_WITHIN_MS) {
			poll = { process, startedAt: request.at, attempts: 0, rateLimited: 0, answered: false, delaySeconds: 0 };
			polls.push(poll);
			open.set(process, poll);
		}
		poll.attempts++;
		if (request.status === 429) poll.rateLimited++;
		poll.answered = request.status >= 200 && request.status < 300;
		poll.delaySeconds = (request.at - poll.startedAt) / 1000;
	}
	return polls;
}

/** n8n's shortest poll interval, and how far one tick may drift from the next (scheduling, a busy machine). */
const INTERVAL_MS = 60_000;
const DRIFT_MS = 10_000;
/** The activation poll follows the start of main within this long. */
const ACTIVATION_WITHIN_MS = 60_000;

/**
 * "Polls only in the main process, once per interval": every poll from main, none while main
 * was down, an activation poll at each start, then one per minute.
 */
export function pollScheduleProblems(polls: Poll[], sessions: MainSession[]): string[] {
	const problems: string[] = [];
	const at = (ms: number) => new Date(ms).toISOString().slice(11, 19);
	for (const poll of polls) {
		if (poll.process !== 'main') problems.push(`a poll at ${at(poll.startedAt)} came from ${poll.process}, not main`);
		if (!poll.answered) problems.push(`the poll at ${at(poll.startedAt)} failed (${poll.attempts} attempts, ${poll.rateLimited} rate-limited)`);
		const inSession = sessions.some((s) => poll.startedAt >= s.startedAt && (s.stoppedAt === undefined || poll.startedAt <= s.stoppedAt));
		if (!inSession) problems.push(`a poll at ${at(poll.startedAt)} while main was not running the trigger`);
	}
	const fromMain = polls.filter((poll) => poll.process === 'main');
	for (const session of sessions) {
		const own = fromMain.filter((p) => p.startedAt >= session.startedAt && (session.stoppedAt === undefined || p.startedAt <= session.stoppedAt));
		if (own.length === 0 || own[0].startedAt - session.startedAt > ACTIVATION_WITHIN_MS) {
			problems.push(`no activation poll after main started at ${at(session.startedAt)}`);
			continue;
		}
		for (let i = 1; i < own.length; i++) {
			const gap = own[i].startedAt - own[i - 1].startedAt;
			// The first tick's second is random, so it may come any time within a minute of activation.
			const tooSoon = i === 1 ? gap < 0 : gap < INTERVAL_MS - DRIFT_MS;
			if (tooSoon || gap > INTERVAL_MS + DRIFT_MS) {
				problems.push(`polls at ${at(own[i - 1].startedAt)} and ${at(own[i].startedAt)} are ${(gap / 1000).toFixed(1)} s apart, not one interval`);
			}
		}
	}
	return problems;
}
