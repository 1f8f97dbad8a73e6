/**
 * "Once means once" for redeliveries: Userflow sends a notification again (same id) when it
 * did not see our answer, so each id starts at most one execution.
 *
 * Two memories, both bounded to the most recent ids per subscription:
 * - this process: n8n reads a workflow's static data when a call arrives and saves it after,
 *   so two deliveries of one notification arriving together would both look new to static
 *   data alone; and n8n 2.x (checked in 2.41) does not save static data changed by a webhook
 *   call that starts an execution (1.123 does);
 * - the workflow's static data, which n8n saves after calls that start nothing (a redelivery,
 *   a filtered update): every call writes this process's memory into it, so what the
 *   process knows reaches n8n's database at the next such call and survives a restart.
 */
import type { IDataObject } from 'n8n-workflow';

export const REMEMBERED_NOTIFICATIONS = 1000;
const STATIC_DATA_KEY = 'recentNotificationIds';
/** Subscriptions whose ids this process remembers; the oldest is forgotten first. */
const REMEMBERED_SUBSCRIPTIONS = 500;

const inThisProcess = new Map<string, string[]>();

/** The ids of both lists, oldest first, without repeats, at most the last 1,000. */
function merged(older: readonly string[], newer: readonly string[]): string[] {
	const ids = [...new Set([...older, ...newer])];
	return ids.length > REMEMBERED_NOTIFICATIONS ? ids.slice(ids.length - REMEMBERED_NOTIFICATIONS) : ids;
}

function savedIds(staticData: IDataObject): string[] {
	const saved = staticData[STATIC_DATA_KEY];
	return Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * Records the notification as handled; false when it was handled before (a redelivery).
 * Synchronous on purpose: check and record cannot interleave with another delivery.
 */
export function claimNotification(staticData: IDataObject, subscriptionKey: string, notificationId: string): boolean {
	const saved = savedIds(staticData);
	const recent = inThisProcess.get(subscriptionKey) ?? [];
	const seen = saved.includes(notificationId) || recent.includes(notificationId);

	const nowRecent = merged(recent, [notificationId]);
	inThisProcess.delete(subscriptionKey);
	inThisProcess.set(subscriptionKey, nowRecent);
	if (inThisProcess.size > REMEMBERED_SUBSCRIPTIONS) {
		inThisProcess.delete(inThisProcess.keys().next().value as string);
	}
	const toSave = merged(saved, nowRecent);
	// Written only when it adds something: an unchanged memory is not worth a database write.
	if (toSave.length !== saved.length || toSave.some((id, i) => id !== saved[i])) staticData[STATIC_DATA_KEY] = toSave;
	return !seen;
}

/** For tests: forget what this process remembers (as a restart of n8n does). */
export function forgetProcessMemory(): void {
	inThisProcess.clear();
}
