import type { IDataObject, IExecutePaginationFunctions } from 'n8n-workflow';

import { bodyChangesNothing } from './compareWrite';
import { pageBudget } from './option';
import { readEnvironment } from './readEnvironment';
import { runStateOf, sharedRead } from './runState';
import type { Collection, StoredRecord } from './storedState';

interface RunData {
	data?: { main?: Array<unknown[] | null> };
}

function runOf(ctx: IExecutePaginationFunctions): RunData | undefined {
	const run = ctx.getExecuteData?.() as unknown;
	return typeof run === 'object' && run !== null ? (run as RunData) : undefined;
}

/**
 * Memberships are read (`expand[]=memberships`, heavier pages) only when the node may write
 * them: Add to Group is on, or an expression decides it per item.
 */
function mayWriteMemberships(ctx: IExecutePaginationFunctions): boolean {
	const addToGroup = ctx.getNode().parameters.addToGroup;
	return addToGroup === true || (typeof addToGroup === 'string' && addToGroup.startsWith('='));
}

/** The record as Userflow answers an upsert (expansions null), rebuilt from what was kept. */
function recordAsStored(collection: Collection, id: string, stored: StoredRecord): IDataObject {
	const attributes = JSON.parse(JSON.stringify(stored.attributes)) as IDataObject;
	const base = { id, created_at: stored.createdAt as string, attributes };
	return collection === 'users'
		? { object: 'user', ...base, groups: null, memberships: null }
		: { object: 'group', ...base, memberships: null, users: null };
}

/**
 * Skip Unchanged's decision for one item: the record as Userflow holds it when writing
 * `body` would change nothing, else undefined (send it). The environment is read once per
 * node run, shared by every item; an item waits for that read, then decides without
 * awaiting anything else, so items decide one after another in the order they arrived.
 * An id this run has already decided to write is never skipped afterwards: a later item
 * equal to the old state must still undo an earlier item's change, as it would if sent.
 */
export async function storedIfUnchanged(
	ctx: IExecutePaginationFunctions,
	collection: Collection,
	body: IDataObject,
): Promise<IDataObject | undefined> {
	const run = runOf(ctx);
	if (!run || typeof body.id !== 'string') return undefined;
	const state = runStateOf(run);
	const withMemberships = collection === 'users' && mayWriteMemberships(ctx);
	const items = run.data?.main?.[0]?.length ?? 1;
	const read = await sharedRead(state, `${collection}:${withMemberships}`, async () =>
		await readEnvironment(ctx, { collection, withMemberships, maxPages: pageBudget(items), itemIndex: ctx.getItemIndex() }),
	);
	const writtenKey = `${collection}:${body.id}`;
	const stored = read.state.records.get(body.id);
	if (stored && !state.written.has(writtenKey) && bodyChangesNothing(body, stored, read.state)) {
		state.skipped++;
		return recordAsStored(collection, body.id, stored);
	}
	state.written.add(writtenKey);
	return undefined;
}
