import type { EnvironmentRead } from './readEnvironment';

/**
 * What Skip Unchanged knows during one run of one node: the environment it read (one
 * promise, awaited by every item) and the ids this run has already written.
 *
 * Scoped to the node run, not to the execution: a read made before other nodes (or an
 * earlier pass of this node through a loop) wrote to Userflow would be stale, and a stale
 * read would skip writes that are needed. n8n hands every item of a run the same execute
 * data object; keying a WeakMap by it ends the state with the run.
 */
export interface RunState {
	reads: Map<string, Promise<EnvironmentRead>>;
	/** `users:u1`, `groups:acme`: written by this run, so never skipped afterwards. */
	written: Set<string>;
	skipped: number;
}

const states = new WeakMap<object, RunState>();

export function runStateOf(run: object): RunState {
	let state = states.get(run);
	if (!state) {
		state = { reads: new Map(), written: new Set(), skipped: 0 };
		states.set(run, state);
	}
	return state;
}

export function sharedRead(state: RunState, key: string, read: () => Promise<EnvironmentRead>): Promise<EnvironmentRead> {
	let promise = state.reads.get(key);
	if (!promise) {
		promise = read();
		state.reads.set(key, promise);
	}
	return promise;
}
