/**
 * The trigger's cursor: which list items are new since the last poll, in which order, and
 * what to remember. Pure logic over an injected `fetchPage`, so every rule is unit-testable.
 *
 * What Userflow gives us (see the API contract):
 * - lists sort by `order_by` only; ties on `created_at` are common (bulk imports) and the
 *   tie order is unspecified;
 * - the only cursor is `starting_after=<id>`, which answers 400 once that object is deleted;
 *   there is no `created_at >=` filter;
 * - "completed" is not a sort key; content sessions sort by `created_at` or
 *   `last_activity_at`, and `completed_at <= last_activity_at` always holds.
 *
 * Design: every scan runs NEWEST FIRST (`-created_at` or `-last_activity_at`) and stops as
 * soon as it is past the watermark. A scan from the top needs no cursor object at all, so
 * the common cases (nothing new: one request; a few new items: one request; the last item
 * we saw was deleted: still one request) never touch `starting_after`.
 *
 * Newest-first alone cannot emit the oldest part of a backlog that is larger than one
 * poll's page budget. So when the budget runs out before the scan reaches the watermark,
 * the poll remembers where it stopped (a CHECKPOINT: the last ids it read) and emits
 * nothing. The next poll continues downward from the deepest checkpoint; once it reaches
 * the watermark, the segment between that checkpoint and the watermark is complete: it is
 * emitted oldest first, the watermark moves up to it, the checkpoint is popped, and the
 * poll goes on with the segment above (the next checkpoint, or finally the top). That
 * segment stops at the FLOOR, the id the finished segment continued after (everything
 * below it is handled), so a chunk read in `maxPages` pages is re-read in `maxPages` pages
 * and every poll makes progress. Each backlog page is read about twice; the state is a
 * stack of a few ids per budget-sized chunk, capped in number (dropping a checkpoint only
 * costs re-reading, never items).
 *
 * Ties at the watermark: the state keeps the watermark W and the ids already emitted at
 * exactly W ("seen"). While that tie group is small, a scan reads down to the first item
 * strictly older than W, and an item at W is new iff it is not in `seen` - whatever order
 * Userflow gives ties, and even for a record created later in the same instant. When the
 * tie group grows past TIE_EXACT_LIMIT (a bulk import), re-reading it every poll would
 * cost several requests, so the cursor switches to POSITIONAL ties: at W, only items
 * above (newer in list order than) the highest-placed seen item are new, and the scan
 * stops there; `seen` keeps only the last ids as position markers.
 *
 * Deleted cursor objects: a checkpoint holds several ids; on a 400 the dead id is dropped
 * and the next one tried, then the checkpoint is dropped (its segment is re-read from
 * above). A deleted floor only means reading on down to the watermark. Mid-scan, if the
 * last item of a page vanished before the next request, the scan continues after an
 * earlier item of the same page. Items read twice are recognised by id and watermark.
 *
 * Guarantees (for created_at lists: users, groups, started sessions): every item created
 * after activation is emitted exactly once, oldest first (ties in Userflow's order), across
 * restarts (all state is in the node's static data), deletions of any item, items created
 * while paging (they are at the top, taken by the next pass from the top), failed polls
 * (the caller commits the state only after a successful sweep), and backlogs of any size
 * (at most `maxPages` requests per poll, progress every poll that has >= 1 page to spare).
 *
 * Completed sessions: the watermark is `completed_at`, the scan key `last_activity_at`
 * (never earlier). After a full scan from the top, the watermark is raised to the top
 * item's `last_activity_at`: sessions that are active without completing would otherwise be
 * re-read on every poll.
 *
 * Odd timestamps: a record whose sort key or event time is not a timestamp, or lies more than
 * FUTURE_SKEW_MS in the future, never becomes the watermark (it would hide every later
 * record). It is emitted once when first seen after activation, after the poll's other
 * items, and remembered by id in `odd` (bounded; at activation such records are recorded as
 * already seen). Scans read past it as if it were not there.
 *
 * Limits, stated honestly:
 * - positional ties: a record that Userflow stamps with exactly the watermark time AFTER we
 *   read that instant, and sorts below the last emitted one, is missed - only possible while
 *   more than TIE_EXACT_LIMIT records share that exact timestamp;
 * - a record whose created_at (a completion whose completed_at) is older than the newest
 *   timestamp already read (backdated, clock skew between Userflow's servers) is not emitted;
 * - completed sessions are ordered by `completed_at`; the scan is by `last_activity_at`,
 *   which can still move after completion. Within one sweep from the top this is exact. While
 *   working through a multi-poll backlog, a completed session that gets new activity after
 *   the chunk covering it was checkpointed can be missed, or emitted after a later one.
 */
import type { IDataObject } from 'n8n-workflow';

import { compareInstants, usableInstant } from './timestamps';

/** Page size of every scan: Userflow's maximum. */
export const PAGE_SIZE = 100;
/** Above this many ids at the watermark, ties switch from exact to positional. */
export const TIE_EXACT_LIMIT = 50;
/** Ids kept at the watermark when ties are exact but positions cannot be used (sessions). */
export const SEEN_LIMIT = 1000;
/** Ids kept per checkpoint, tried in turn when one was deleted. */
export const CHECKPOINT_IDS = 3;
export const MAX_CHECKPOINTS = 50;
/** Ids of records with odd timestamps remembered (oldest dropped first). */
export const ODD_LIMIT = 500;

export interface Page {
	/** Newest first. */
	items: IDataObject[];
	hasMore: boolean;
}

/** What `fetchPage` answers when `starting_after` named an object that no longer exists. */
export const CURSOR_GONE = 'cursorGone';

/**
 * One newest-first page, after `startingAfter` (or from the top). Any other failure is
 * thrown and ends the poll without a new state.
 */
export type FetchPage = (startingAfter: string | undefined) => Promise<Page | typeof CURSOR_GONE>;

/** How one event reads the items of its list. */
export interface EventModel {
	/** The value the list is sorted by (descending). */
	scanKey(item: IDataObject): string;
	/** When the event happened; null when the item is not (yet) such an event. Never after scanKey. */
	eventTime(item: IDataObject): string | null;
	/** The user's filters that the API cannot apply (e.g. content type). */
	matches(item: IDataObject): boolean;
	/** True when eventTime is the sort key itself, so list position orders ties. */
	positionalTies: boolean;
}

export interface CursorState {
	version: 1;
	/** Event and filters the state was built for; another scope starts afresh. */
	scope: string;
	/** eventTime of the newest event handled; null: the list was empty at activation. */
	watermark: string | null;
	/** Ids handled at exactly the watermark, in list order (oldest first). */
	seen: string[];
	/** Ties at the watermark resolved by position (see above). */
	positional: boolean;
	/** Where unfinished newest-first scans stopped: top-most first, deepest last; ids best first. */
	checkpoints: string[][];
	/**
	 * The id the last finished checkpoint segment continued after: everything below it is
	 * handled, so the segment above may stop there instead of re-reading down to the watermark.
	 */
	floor: string | null;
	/**
	 * Ids of records with odd timestamps (see above) already emitted or seen at activation.
	 * Optional: states saved before it existed read as [].
	 */
	odd?: string[];
}

export interface SweepResult {
	/** Matching new items, oldest first. */
	items: IDataObject[];
	state: CursorState;
	requests: number;
	/** Records with odd timestamps first seen by this sweep (emitted, when they match). */
	oddItems: IDataObject[];
}

/** Compares Userflow timestamps by instant: they may carry other offsets than +00:00. */
export const compareTimes = compareInstants;

const idOf = (item: IDataObject) => String(item.id);

/**
 * True when the item can be placed in time: its sort key and, if it is an event, its event
 * time are usable timestamps (timestamps.ts). Everything else is handled by id.
 */
export function hasUsableTimes(model: EventModel, item: IDataObject, now = Date.now()): boolean {
	if (usableInstant(model.scanKey(item), now) === undefined) return false;
	const time = model.eventTime(item);
	return time === null || usableInstant(time, now) !== undefined;
}

function rememberOdd(state: CursorState, ids: string[]): void {
	const odd = state.odd ?? [];
	for (const id of ids) if (!odd.includes(id)) odd.push(id);
	state.odd = odd.slice(-ODD_LIMIT);
}

/**
 * First activation: remember where the list stands now, emit nothing. One request, unless
 * the first page holds only records with odd timestamps: then it reads on (within
 * `maxPages`) to the first record that can anchor the watermark.
 */
export async function initialState(
	scope: string,
	model: EventModel,
	fetchPage: FetchPage,
	maxPages = 1,
): Promise<{ state: CursorState; requests: number; oddItems: IDataObject[] }> {
	const state: CursorState = { version: 1, scope, watermark: null, seen: [], positional: false, checkpoints: [], floor: null, odd: [] };
	const oddItems: IDataObject[] = [];
	let after: string | undefined;
	for (let requests = 1; ; requests++) {
		const answer = await fetchPage(after);
		// Without starting_after nothing can be gone; after an odd record that vanished, start afresh next poll.
		const page = answer === CURSOR_GONE ? { items: [], hasMore: false } : answer;
		const now = Date.now();
		const usable = page.items.filter((item) => hasUsableTimes(model, item, now));
		oddItems.push(...page.items.filter((item) => !hasUsableTimes(model, item, now)));
		rememberOdd(state, oddItems.map(idOf));
		if (usable.length > 0) {
			anchor(state, model, usable, page.hasMore);
			return { state, requests, oddItems };
		}
		if (!page.hasMore || page.items.length === 0 || requests >= maxPages) {
			if (oddItems.length > 0 && page.hasMore) {
				throw new Error(
					`The newest ${oddItems.length} records in Userflow have no usable timestamp; the trigger found nothing to start from. Raise "Max Pages per Poll" or check the records' dates`,
				);
			}
			return { state, requests, oddItems };
		}
		after = idOf(page.items[page.items.length - 1]);
	}
}

/** Sets the watermark at the newest usable record of the first page read at activation. */
function anchor(state: CursorState, model: EventModel, usable: IDataObject[], hasMore: boolean): void {
	const watermark = model.scanKey(usable[0]);
	state.watermark = watermark;
	const atWatermark = usable.filter((item) => {
		const time = model.eventTime(item);
		return time !== null && compareTimes(time, watermark) === 0;
	});
	state.seen = atWatermark.map(idOf).reverse();
	// The whole page shares the newest instant: more of that tie group may lie below, unseen,
	// yet old. Only positions can tell them from later arrivals.
	const tieMayContinue = hasMore && usable.every((item) => compareTimes(model.scanKey(item), watermark) === 0);
	if (model.positionalTies && (tieMayContinue || state.seen.length > TIE_EXACT_LIMIT)) {
		state.positional = true;
		state.seen = state.seen.slice(-TIE_EXACT_LIMIT);
	}
}

/** "Fetch Test Event": the newest matching event within `maxPages`; the state is not involved. */
export async function newestMatching(
	model: EventModel,
	fetchPage: FetchPage,
	maxPages: number,
): Promise<IDataObject | undefined> {
	let after: string | undefined;
	for (let pages = 0; pages < maxPages; pages++) {
		const page = await fetchPage(after);
		if (page === CURSOR_GONE) return undefined;
		let best: IDataObject | undefined;
		const now = Date.now();
		for (const item of page.items) {
			const time = model.eventTime(item);
			if (time === null || !model.matches(item) || !hasUsableTimes(model, item, now)) continue;
			if (!best || compareTimes(time, model.eventTime(best)!) > 0) best = item;
		}
		if (best) return best;
		if (!page.hasMore || page.items.length === 0) return undefined;
		after = idOf(page.items[page.items.length - 1]);
	}
	return undefined;
}

type Segment =
	| { kind: 'reached'; items: IDataObject[]; requests: number; startedAfter?: string }
	| { kind: 'outOfBudget'; resumeIds: string[]; requests: number }
	| { kind: 'checkpointGone'; requests: number };

/** True once a newest-first scan is past everything that can still be new. */
function isPastWatermark(state: CursorState, model: EventModel, item: IDataObject, now: number): boolean {
	if (state.watermark === null || !hasUsableTimes(model, item, now)) return false;
	const order = compareTimes(model.scanKey(item), state.watermark);
	if (order < 0) return true;
	return state.positional && order === 0 && state.seen.includes(idOf(item));
}

/** Reads newest first from `checkpoint` (or the top) until past the watermark or out of pages. */
async function readSegment(
	state: CursorState,
	model: EventModel,
	fetchPage: FetchPage,
	checkpoint: string[] | undefined,
	budget: number,
): Promise<Segment> {
	const items: IDataObject[] = [];
	const known = new Set<string>();
	let requests = 0;
	let startedAfter: string | undefined;
	let firstPage = true;
	// Ids to continue after, best first: the checkpoint's, later the last ids of the last page.
	let resumeIds: Array<string | undefined> = checkpoint ? [...checkpoint] : [undefined];
	while (requests < budget) {
		const after = resumeIds[0];
		requests++;
		const page = await fetchPage(after);
		if (page === CURSOR_GONE) {
			resumeIds = resumeIds.slice(1);
			// A deleted checkpoint id is dropped for good, so it costs one request only once.
			if (firstPage && checkpoint) checkpoint.shift();
			if (resumeIds.length > 0) continue;
			// Every id to continue after is gone: this segment is re-read later from above.
			return { kind: 'checkpointGone', requests };
		}
		if (firstPage) startedAfter = after;
		firstPage = false;
		const now = Date.now();
		for (const item of page.items) {
			const id = idOf(item);
			if (known.has(id)) continue;
			known.add(id);
			items.push(item);
			if (isPastWatermark(state, model, item, now)) return { kind: 'reached', items, requests, startedAfter };
			// Everything below the floor was handled by the segment finished before this one.
			if (id === state.floor) return { kind: 'reached', items, requests, startedAfter };
		}
		if (!page.hasMore || page.items.length === 0) return { kind: 'reached', items, requests, startedAfter };
		resumeIds = page.items.slice(-CHECKPOINT_IDS).map(idOf).reverse();
	}
	const last = items.slice(-CHECKPOINT_IDS).map(idOf).reverse();
	return { kind: 'outOfBudget', resumeIds: last.length > 0 ? last : (checkpoint ?? []), requests };
}

/**
 * The new events of a completed segment (newest first): those with usable times oldest
 * first, then those with odd times not seen before, in list order reversed.
 */
function newEventsOldestFirst(
	state: CursorState,
	model: EventModel,
	segment: IDataObject[],
): { usable: IDataObject[]; odd: IDataObject[] } {
	const fresh: IDataObject[] = [];
	const odd: IDataObject[] = [];
	let belowHighestSeen = false;
	const now = Date.now();
	for (const item of segment) {
		const time = model.eventTime(item);
		if (time === null) continue;
		// Emitted once as odd; never again, even once its time becomes usable.
		if (state.odd?.includes(idOf(item))) continue;
		if (!hasUsableTimes(model, item, now)) {
			if (!odd.some((other) => idOf(other) === idOf(item))) odd.push(item);
			continue;
		}
		if (state.watermark === null) {
			fresh.push(item);
			continue;
		}
		const order = compareTimes(time, state.watermark);
		if (order > 0) fresh.push(item);
		else if (order === 0) {
			const seen = state.seen.includes(idOf(item));
			if (seen) belowHighestSeen = true;
			else if (!(state.positional && belowHighestSeen)) fresh.push(item);
		}
	}
	// List order is newest first; reversing gives list order for ties, then order by event time.
	return {
		usable: fresh.reverse().sort((a, b) => compareTimes(model.eventTime(a)!, model.eventTime(b)!)),
		odd: odd.reverse(),
	};
}

/** Moves the watermark over one handled event (matching the user's filters or not). */
function advance(state: CursorState, model: EventModel, item: IDataObject): void {
	const time = model.eventTime(item)!;
	const id = idOf(item);
	if (state.watermark === null || compareTimes(time, state.watermark) > 0) {
		state.watermark = time;
		state.seen = [id];
		state.positional = false;
	} else if (!state.seen.includes(id)) {
		state.seen.push(id);
	}
	if (model.positionalTies && state.seen.length > TIE_EXACT_LIMIT) {
		state.positional = true;
		state.seen = state.seen.slice(-TIE_EXACT_LIMIT);
	} else if (state.seen.length > SEEN_LIMIT) {
		state.seen = state.seen.slice(-SEEN_LIMIT);
	}
}

/**
 * After a complete scan from the top, nothing before the top item's sort key can still
 * become an event we have not examined (an event's time never exceeds its sort key, and new
 * events are stamped later). Raising the watermark there keeps the next scan short when
 * the list moves without events, e.g. sessions with activity but no completion.
 */
function raiseToTop(state: CursorState, model: EventModel, segment: IDataObject[]): void {
	const now = Date.now();
	const top = segment.find((item) => hasUsableTimes(model, item, now));
	if (!top) return;
	const key = model.scanKey(top);
	if (state.watermark !== null && compareTimes(key, state.watermark) <= 0) return;
	state.watermark = key;
	state.seen = [];
	state.positional = false;
}

/**
 * One poll: at most `maxPages` requests; returns the matching new items oldest first and the
 * state to commit. Throws what `fetchPage` throws: the caller
 * then keeps its previous state, so a failed poll loses nothing.
 */
export async function sweep(
	previous: CursorState,
	model: EventModel,
	fetchPage: FetchPage,
	maxPages: number,
): Promise<SweepResult> {
	const state: CursorState = structuredClone(previous);
	const items: IDataObject[] = [];
	const oddItems: IDataObject[] = [];
	let requests = 0;
	while (requests < maxPages) {
		const checkpoint = state.checkpoints[state.checkpoints.length - 1];
		if (checkpoint && checkpoint.length === 0) {
			state.checkpoints.pop();
			continue;
		}
		const segment = await readSegment(state, model, fetchPage, checkpoint, maxPages - requests);
		requests += segment.requests;
		if (segment.kind === 'checkpointGone') {
			if (!checkpoint) break;
			// Its region is re-read from the checkpoint above (or the top) down to the same floor.
			state.checkpoints.pop();
			continue;
		}
		if (segment.kind === 'outOfBudget') {
			if (segment.resumeIds.length > 0 && segment.resumeIds !== checkpoint) {
				state.checkpoints.push(segment.resumeIds);
				if (state.checkpoints.length > MAX_CHECKPOINTS) state.checkpoints.shift();
			}
			break;
		}
		const fresh = newEventsOldestFirst(state, model, segment.items);
		for (const item of fresh.usable) {
			advance(state, model, item);
			if (model.matches(item)) items.push(item);
		}
		rememberOdd(state, fresh.odd.map(idOf));
		oddItems.push(...fresh.odd);
		items.push(...fresh.odd.filter((item) => model.matches(item)));
		if (checkpoint) {
			state.checkpoints.pop();
			state.floor = segment.startedAfter ?? null;
			continue;
		}
		state.floor = null;
		raiseToTop(state, model, segment.items);
		break;
	}
	return { items, state, requests, oddItems };
}

/** Static data as stored, or undefined when it is missing or from another shape. */
export function readState(raw: unknown, scope: string): CursorState | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const candidate = raw as Partial<CursorState>;
	if (candidate.version !== 1 || candidate.scope !== scope) return undefined;
	if (candidate.watermark !== null && typeof candidate.watermark !== 'string') return undefined;
	if (!Array.isArray(candidate.seen) || !Array.isArray(candidate.checkpoints)) return undefined;
	return {
		version: 1,
		scope,
		watermark: candidate.watermark,
		seen: candidate.seen.map(String),
		positional: candidate.positional === true,
		checkpoints: candidate.checkpoints
			.filter(Array.isArray)
			.map((ids) => ids.map(String))
			.filter((ids) => ids.length > 0),
		floor: typeof candidate.floor === 'string' ? candidate.floor : null,
		odd: Array.isArray(candidate.odd) ? candidate.odd.map(String).slice(-ODD_LIMIT) : [],
	};
}

/**
 * A state saved before odd timestamps were handled may carry one as its watermark (a record
 * stamped in year 9999, or garbage): nothing after it would ever be emitted. Such a state is
 * started afresh, like an activation.
 */
export function isBlinded(state: CursorState, now = Date.now()): boolean {
	return state.watermark !== null && usableInstant(state.watermark, now) === undefined;
}
