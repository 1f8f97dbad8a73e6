import type { IDataObject, INode } from 'n8n-workflow';

import { readState, type CursorState } from './sweep';

/**
 * Where the trigger started, kept beside its cursor in the workflow's own static data
 * ('global'), so that the start is the moment of publishing, not of the first scheduled poll.
 *
 * Why: with n8n's durable poll cursors (n8n 2.36+, N8N_POLLER_DURABLE_CURSORS_ENABLED) the
 * node's static data is a staged copy of a `poller_state` row, and n8n drops what the poll at
 * publishing wrote there (it runs that poll as a test and commits nothing). Without this, the
 * first scheduled poll found no cursor, started at "now" and never emitted the records
 * created in between. The workflow's global static data is not staged: n8n saves it right
 * after activation, and every poll reads it back.
 *
 * Safe from history floods: the start is written only by a poll that anchors (one that found
 * no usable cursor, and so emits nothing), it is removed by every poll that has a cursor of
 * its own (saved with the next execution), and one that emits always has one. So a start
 * that is still saved has had nothing emitted after it: adopting it repeats nothing.
 */
const KEY_PREFIX = 'userflowTriggerStart:';

/** One start per trigger node; the node id stays when the node is renamed. */
function keyOf(node: INode): string {
	return `${KEY_PREFIX}${node.id || node.name}`;
}

export function recordStart(global: IDataObject, node: INode, state: CursorState): void {
	global[keyOf(node)] = state as unknown as IDataObject;
}

/** The start recorded for this event and filter, if any. */
export function recordedStart(global: IDataObject, node: INode, scope: string): CursorState | undefined {
	return readState(global[keyOf(node)], scope);
}

/** The node's own cursor is in effect: the start has served. */
export function forgetStart(global: IDataObject, node: INode): void {
	if (keyOf(node) in global) delete global[keyOf(node)];
}
