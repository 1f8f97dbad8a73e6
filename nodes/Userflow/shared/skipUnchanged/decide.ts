import type { IDataObject, IExecutePaginationFunctions } from 'n8n-workflow';

import { pageBudget } from './option';
import { readDatetimeNames } from './readDatetimeNames';
import { readEnvironment } from './readEnvironment';
import { runStateOf } from './runState';
import { SkipSession } from './skipSession';
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
 * Starts the run's environment read for one kind of record: which attributes are datetimes,
 * then the records. The budget is 5 % of the run's items, in list pages (plus the one
 * definitions request). The read never fails an item: whatever it could not read is sent
 * as usual.
 */
function startSession(ctx: IExecutePaginationFunctions, run: RunData, collection: Collection, withMemberships: boolean): SkipSession {
	const session = new SkipSession(collection, withMemberships, runStateOf(run).written);
	const items = run.data?.main?.[0]?.length ?? 1;
	const itemIndex = ctx.getItemIndex();
	const read = async () => {
		// Decisions need the types, so they come first: one request, one round trip.
		session.state.datetimeNames = await readDatetimeNames(ctx, collection, itemIndex);
		return await readEnvironment(
			ctx,
			{
				collection,
				withMemberships,
				maxPages: pageBudget(items),
				itemIndex,
				onPage: (ids) => session.onPage(ids),
				keepReading: (pagesDone) => session.keepReading(pagesDone),
			},
			session.state,
		);
	};
	void read()
		.catch(() => undefined)
		.finally(() => session.finish());
	return session;
}

/**
 * Skip Unchanged's decision for one item: the record as Userflow holds it when writing
 * `body` would change nothing, else undefined (send it). The first item of the run starts
 * the environment read; every item waits only until its own record has been read, or the
 * read has ended.
 */
export async function storedIfUnchanged(
	ctx: IExecutePaginationFunctions,
	collection: Collection,
	body: IDataObject,
): Promise<IDataObject | undefined> {
	const run = runOf(ctx);
	if (!run || typeof body.id !== 'string') return undefined;
	const { sessions } = runStateOf(run);
	const withMemberships = collection === 'users' && mayWriteMemberships(ctx);
	const key = `${collection}:${withMemberships}`;
	let session = sessions.get(key);
	if (!session) {
		session = startSession(ctx, run, collection, withMemberships);
		sessions.set(key, session);
	}
	const stored = await session.decide(body);
	return stored ? recordAsStored(collection, body.id, stored) : undefined;
}
