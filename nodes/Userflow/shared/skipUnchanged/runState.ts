import type { SkipSession } from './skipSession';

/**
 * What Skip Unchanged knows during one run of one node: its environment reads (one per
 * kind, shared by every item) and the ids this run has decided to write.
 *
 * Scoped to the node run, not to the execution: a read made before other nodes (or an
 * earlier pass of this node through a loop) wrote to Userflow would be stale, and a stale
 * read would skip writes that are needed. n8n hands every item of a run the same execute
 * data object; keying a WeakMap by it ends the state with the run.
 */
export interface RunState {
	sessions: Map<string, SkipSession>;
	/** `users:u1`, `groups:acme`: decided to be written by this run, so never skipped afterwards. */
	written: Set<string>;
}

const states = new WeakMap<object, RunState>();

export function runStateOf(run: object): RunState {
	let state = states.get(run);
	if (!state) {
		state = { sessions: new Map(), written: new Set() };
		states.set(run, state);
	}
	return state;
}
