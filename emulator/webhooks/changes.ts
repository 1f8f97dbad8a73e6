/**
 * What the API handlers wrote, as a feed the webhook dispatcher listens to. Handlers report a
 * change only after the write was applied (a 400 changes nothing and reports nothing); direct
 * store helpers (seeding, tests arranging data) report nothing, as they are not API writes.
 */
import type { EmulatorStore } from '../store';
import type { AttributeMap, StoredEvent } from '../types';

export type StoreChange =
	| { kind: 'created'; type: 'user' | 'group'; id: string }
	| { kind: 'updated'; type: 'user' | 'group'; id: string; previousAttributes: AttributeMap }
	| { kind: 'tracked'; event: StoredEvent };

export type ChangeListener = (change: StoreChange) => void;

const listeners = new WeakMap<EmulatorStore, Set<ChangeListener>>();

/** Subscribes to a store's API writes; returns the unsubscribe function. */
export function onStoreChange(store: EmulatorStore, listener: ChangeListener): () => void {
	let set = listeners.get(store);
	if (!set) listeners.set(store, (set = new Set()));
	set.add(listener);
	return () => set.delete(listener);
}

export function emitChange(store: EmulatorStore, change: StoreChange): void {
	for (const listener of listeners.get(store) ?? []) listener(change);
}

/**
 * A user or group upsert as a change: created when it did not exist before, updated when an
 * attribute changed, nothing when the upsert left every attribute as it was.
 */
export function upsertChange(
	type: 'user' | 'group',
	id: string,
	before: AttributeMap | undefined,
	after: AttributeMap,
): StoreChange | undefined {
	if (before === undefined) return { kind: 'created', type, id };
	const changed = changedAttributeNames(before, after);
	return changed.length === 0 ? undefined : { kind: 'updated', type, id, previousAttributes: { ...before } };
}

/** Names whose value differs between two attribute maps (a removed attribute counts). */
export function changedAttributeNames(before: AttributeMap, after: AttributeMap): string[] {
	const names = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}
