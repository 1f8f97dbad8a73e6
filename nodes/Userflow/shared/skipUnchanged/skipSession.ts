import type { IDataObject } from 'n8n-workflow';

import { bodyChangesNothing } from './compareWrite';
import { StoredState, type Collection, type StoredRecord } from './storedState';

/** What one item learns: the record to output instead of sending, or undefined to send. */
export type Decision = StoredRecord | undefined;

interface Waiter {
	body: IDataObject;
	resolve: (decision: Decision) => void;
}

/**
 * One environment read and the decisions it feeds, for one node run and one kind of read
 * (users or groups, with or without memberships).
 *
 * Items decide as soon as their record has been read, not when the whole read is done, so
 * the writes of changed items go out while later pages are still being read; items whose
 * record was not seen decide (send) when the read ends. Every decision is taken
 * synchronously, in the order the items asked, so an id this run has decided to write is
 * never skipped by a later item: that item must still undo the earlier one, as if sent.
 *
 * The read stops early once it no longer pays: when nobody waits for a record any more, or
 * when the pages read so far have saved fewer requests (skipped items) than they cost. Both
 * ends' first pages are asked for at once, so an environment much larger than the input
 * costs two pages, not the whole 5 % budget.
 */
export class SkipSession {
	readonly state: StoredState;

	private readonly waiting = new Map<string, Waiter[]>();

	private finished = false;

	skipped = 0;

	constructor(
		collection: Collection,
		withMemberships: boolean,
		/** `users:u1`, shared by every session of the run. */
		private readonly written: Set<string>,
	) {
		this.state = new StoredState(collection, withMemberships);
	}

	/** The item's decision; immediate when its record is already known or the read has ended. */
	decide(body: IDataObject): Promise<Decision> {
		const id = String(body.id);
		if (this.finished || this.state.records.has(id)) return Promise.resolve(this.decideNow(body));
		return new Promise((resolve) => {
			const waiters = this.waiting.get(id) ?? [];
			waiters.push({ body, resolve });
			this.waiting.set(id, waiters);
		});
	}

	/** For readEnvironment: decides the items waiting for the records of this page. */
	onPage(ids: string[]): void {
		for (const id of ids) {
			const waiters = this.waiting.get(id);
			if (!waiters) continue;
			this.waiting.delete(id);
			for (const waiter of waiters) waiter.resolve(this.decideNow(waiter.body));
		}
	}

	keepReading(pagesDone: number): boolean {
		if (this.waiting.size === 0) return false;
		return this.skipped >= pagesDone;
	}

	/** The read is over: every item still waiting has a record that was not seen, and is sent. */
	finish(): void {
		this.finished = true;
		for (const waiters of this.waiting.values()) for (const waiter of waiters) waiter.resolve(this.decideNow(waiter.body));
		this.waiting.clear();
	}

	private decideNow(body: IDataObject): Decision {
		const id = String(body.id);
		const writtenKey = `${this.state.collection}:${id}`;
		const stored = this.state.records.get(id);
		if (stored && !this.written.has(writtenKey) && bodyChangesNothing(body, stored, this.state)) {
			this.skipped++;
			return stored;
		}
		this.written.add(writtenKey);
		return undefined;
	}
}
