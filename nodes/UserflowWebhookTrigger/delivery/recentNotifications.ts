/**
 * "Once means once" for redeliveries: Userflow sends a notification again (same id) when it
 * did not see our answer, so each id starts at most one execution.
 *
 * Two memories, both bounded to the most recent ids:
 * - the workflow's static data, which n8n saves to its database after each webhook call, so
 *   the memory survives a restart of n8n;
 * - this process, because n8n reads static data when a call arrives and saves it after: two
 *   deliveries of one notification arriving together would otherwise both look new.
 */
import type { IDataObject } from 'n8n-workflow';

export const REMEMBERED_NOTIFICATIONS = 1000;
const STATIC_DATA_KEY = 'recentNotificationIds';
/** Subscriptions whose ids this process remembers; the oldest is forgotten first. */
const REMEMBERED_SUBSCRIPTIONS = 500;

const inThisProcess = new Map<string, string[]>();

function lastOf(ids: string[]): string[] {
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
	if (saved.includes(notificationId) || recent.includes(notificationId)) return false;

	staticData[STATIC_DATA_KEY] = lastOf([...saved, notificationId]);
	inThisProcess.delete(subscriptionKey);
	inThisProcess.set(subscriptionKey, lastOf([...recent, notificationId]));
	if (inThisProcess.size > REMEMBERED_SUBSCRIPTIONS) {
		inThisProcess.delete(inThisProcess.keys().next().value as string);
	}
	return true;
}

/** For tests: forget what this process remembers (as a restart of n8n does). */
export function forgetProcessMemory(): void {
	inThisProcess.clear();
}
