/**
 * Watching a published trigger workflow from the emulator's side. The trigger fixtures track
 * each emitted user as an `e2e_seen` event with our own Userflow node, so "executions per
 * user" is read from the events Userflow stored, and a poll is a GET of the list it reads.
 */
import type { UserflowEmulator } from '../../emulator';
import { delay } from './n8nCli';

export const SEEN_EVENT = 'e2e_seen';
/** A minute poll plus n8n's scheduling slack and the execution itself. */
export const POLL_TIMEOUT_MS = 100_000;

export function addUsers(emulator: UserflowEmulator, ids: string[]): void {
	for (const userId of ids) emulator.store.addUser(userId, { name: `E2E ${userId}`, email: `${userId}@example.com` });
}

/** How many times the workflow ran for each user, read from the events it recorded. */
export function seenCounts(emulator: UserflowEmulator): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const event of emulator.store.events) {
		if (event.name === SEEN_EVENT) counts[String(event.user_id)] = (counts[String(event.user_id)] ?? 0) + 1;
	}
	return counts;
}

export const seenSummary = (emulator: UserflowEmulator) => JSON.stringify(seenCounts(emulator));

/** A trigger's poll: a successful GET of the list its event reads (users by default) since `since`. */
export async function waitForPoll(emulator: UserflowEmulator, since: number, what: string, path = '/users'): Promise<void> {
	await waitUntil(
		() => emulator.requests.some((r) => r.method === 'GET' && r.path === path && r.at >= since && r.status === 200),
		`${what} (a successful GET ${path})`,
	);
}

export async function waitForSeen(emulator: UserflowEmulator, userIds: string[]): Promise<void> {
	await waitUntil(
		() => userIds.every((userId) => (seenCounts(emulator)[userId] ?? 0) > 0),
		() => `${SEEN_EVENT} events for ${userIds.join(', ')} (seen so far: ${seenSummary(emulator)})`,
	);
}

/** Polls `condition` every half second for at most `timeoutMs`; `what` may describe the state at the timeout. */
export async function waitUntil(
	condition: () => boolean | Promise<boolean>,
	what: string | (() => string),
	timeoutMs = POLL_TIMEOUT_MS,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${typeof what === 'string' ? what : what()}`);
		}
		await delay(500);
	}
}
