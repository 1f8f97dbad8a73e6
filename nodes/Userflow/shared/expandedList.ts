import type { IDataObject } from 'n8n-workflow';

/**
 * An expanded sub-list of a record (a user's `memberships`, a group's), read the one way.
 *
 * The contract shows the field as `null` until it is expanded, not what it holds then: a bare
 * array, or a list object `{"object": "list", "data": [...], "has_more": ...}` like Userflow's
 * top-level lists. Both are read here (README: What the package assumes). A list object with
 * `has_more: true` holds only part of the list, and a part is never taken for the whole:
 * Remove prunes every membership it did not see.
 */
export type ExpandedList =
	| { complete: true; entries: IDataObject[] }
	| { complete: false; problem: 'partial' | 'unreadable' };

const isRecord = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readExpandedList(value: unknown): ExpandedList {
	let entries: unknown = value;
	if (isRecord(value) && value.object === 'list') {
		if (value.has_more === true) return { complete: false, problem: 'partial' };
		entries = value.data;
	}
	if (!Array.isArray(entries) || !entries.every(isRecord)) return { complete: false, problem: 'unreadable' };
	return { complete: true, entries };
}
