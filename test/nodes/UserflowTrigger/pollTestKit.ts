/**
 * Shared set-up for the trigger's polling tests: one emulator, pollers on the real n8n-core
 * PollContext, and a hook that runs when the emulator receives a request (before answering),
 * to change the store "while the poll is paging".
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type RecordedRequest, type UserflowEmulator } from '../../../emulator';
import { UserflowTrigger } from '../../../nodes/UserflowTrigger/UserflowTrigger.node';
import type { CursorState } from '../../../nodes/UserflowTrigger/cursor/sweep';
import { createPoller, plainCopy, type Poller } from '../../harness';

export const T0 = Date.parse('2024-03-01T10:00:00.000Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000);

export interface Kit {
	emulator: UserflowEmulator;
	poller(parameters?: INodeParameters, staticData?: IDataObject): Poller;
	/** One poll; the emitted ids and the requests it sent. */
	poll(poller: Poller, mode?: 'trigger' | 'manual'): Promise<{ ids: string[]; items: IDataObject[]; requests: RecordedRequest[] }>;
	/** Runs `hook(n)` as the emulator receives its n-th request (1-based) of the current poll. */
	onRequest(hook: ((n: number, request: RecordedRequest) => void) | undefined): void;
	/** A restart: a new poller given a copy of what n8n saved. */
	restart(previous: Poller, parameters?: INodeParameters): Poller;
}

export const DEFAULT_PARAMETERS: INodeParameters = {
	event: 'newUser',
	simplify: false,
	// Version 1.1's shape (new triggers). Small retry limits keep failure tests fast; Max Wait
	// leaves room for that one retry even on a loaded machine (it counts the attempts themselves).
	options: { maxPagesPerPoll: 10, maxRetries: 1, maxWaitSeconds: 5 },
};

export function useKit(): Kit {
	const kit = {} as Kit;
	let hook: ((n: number, request: RecordedRequest) => void) | undefined;
	let parametersOf = new WeakMap<Poller, INodeParameters>();

	beforeAll(async () => {
		kit.emulator = await startEmulator();
		// Runs before the request is answered: a store change made here is what it sees.
		kit.emulator.onRequest((record, count) => hook?.(count, record));
	});
	afterAll(async () => await kit.emulator.close());
	beforeEach(() => {
		kit.emulator.reset();
		kit.emulator.configure({ faults: null, rateLimit: null });
		hook = undefined;
		parametersOf = new WeakMap();
	});

	kit.poller = (parameters = {}, staticData) => {
		// A test's options add to the defaults (a test that sets Max Pages keeps the fast retries).
		const options = { ...(DEFAULT_PARAMETERS.options as INodeParameters), ...(parameters.options as INodeParameters | undefined) };
		const merged: INodeParameters = { ...DEFAULT_PARAMETERS, ...parameters, options };
		const poller = createPoller(new UserflowTrigger(), merged, {
			credentials: { userflowApi: { apiKey: kit.emulator.apiKey, baseUrl: kit.emulator.baseUrl } },
			staticData,
		});
		parametersOf.set(poller, merged);
		return poller;
	};
	kit.poll = async (poller, mode = 'trigger') => {
		kit.emulator.clearRequests();
		try {
			const result = await poller.poll(mode);
			const items = result ? result[0].map((item) => item.json) : [];
			return { ids: items.map((item) => String(item.id)), items, requests: [...kit.emulator.requests] };
		} finally {
			hook = undefined;
		}
	};
	kit.onRequest = (next) => {
		hook = next;
	};
	kit.restart = (previous, parameters) =>
		kit.poller(parameters ?? parametersOf.get(previous), plainCopy(previous.staticData));
	return kit;
}

/** The trigger's cursor as n8n saves it: node static data lives under `node:<node name>`. */
export function cursorOf(poller: Poller): CursorState | undefined {
	const nodeData = poller.staticData[`node:${poller.node.name}`] as IDataObject | undefined;
	return nodeData?.cursor as CursorState | undefined;
}

/** Polls until a poll emits nothing new; returns every poll's ids and request count. */
export async function drain(kit: Kit, poller: Poller, maxPolls = 100) {
	const polls: Array<{ ids: string[]; requests: number }> = [];
	for (let i = 0; i < maxPolls; i++) {
		const { ids, requests } = await kit.poll(poller);
		polls.push({ ids, requests: requests.length });
		if (ids.length === 0 && (cursorOf(poller)?.checkpoints.length ?? 0) === 0) return polls;
	}
	throw new Error(`Not drained after ${maxPolls} polls`);
}
