/**
 * The trigger under hostile answers, through n8n-core's PollContext: odd timestamps never
 * blind it, malformed answers fail the poll and write no state, a server that ignores the
 * cursor or never stops saying "more" is detected, and a server that never answers costs a
 * bounded wait.
 */
import type { MalformedAnswerKind } from '../../../emulator';
import { createPoller } from '../../harness';
import { spyOnNodeWarnings } from '../../harness/n8n-logger';
import { UserflowTrigger } from '../../../nodes/UserflowTrigger/UserflowTrigger.node';
import { hangingServer } from '../Userflow/localServers';
import { at, cursorOf, drain, useKit } from './pollTestKit';

const kit = useKit();
const FAR_FUTURE = '9999-12-31T23:59:59.000+00:00';

function addUsers(ids: string[], second: number) {
	for (const id of ids) kit.emulator.store.addUser(id, { name: id }, at(second));
}

let warnings: jest.SpyInstance;
beforeEach(() => {
	warnings = spyOnNodeWarnings();
	kit.emulator.configure({ stamps: null, malformed: null });
});
afterEach(() => warnings.mockRestore());

const warned = () => warnings.mock.calls.map(([message]) => String(message));

describe('Userflow Trigger: odd timestamps never become the position', () => {
	it.each([
		['a year-9999 stamp', FAR_FUTURE],
		['a garbage stamp', 'garbage'],
		['an impossible date', '2024-02-30T10:00:00.000+00:00'],
		['no stamp at all', null],
	])('%s: the record is emitted once, later users keep being emitted', async (_case, stamp) => {
		addUsers(['old'], 0);
		const poller = kit.poller();
		await kit.poll(poller);

		addUsers(['odd'], 10);
		kit.emulator.configure({ stamps: { odd: { created_at: stamp } } });
		expect((await kit.poll(poller)).ids).toEqual(['odd']);
		expect(cursorOf(poller)?.watermark).not.toBe(stamp);
		expect(warned().some((message) => message.includes("'odd'"))).toBe(true);

		addUsers(['n1', 'n2'], 20);
		expect((await kit.poll(poller)).ids).toEqual(['n1', 'n2']);
		addUsers(['n3'], 30);
		expect((await kit.poll(poller)).ids).toEqual(['n3']);
		expect((await kit.poll(poller)).ids).toEqual([]);
	});

	it('at activation a record with an odd stamp is recorded as seen, and the position comes from the next one', async () => {
		addUsers(['old'], 0);
		addUsers(['odd'], 5);
		kit.emulator.configure({ stamps: { odd: { created_at: FAR_FUTURE } } });
		const poller = kit.poller();
		await kit.poll(poller);
		expect(cursorOf(poller)).toMatchObject({ watermark: kit.emulator.store.users.get('old')?.created_at, odd: ['odd'] });

		addUsers(['n1'], 20);
		expect((await kit.poll(poller)).ids).toEqual(['n1']);
		expect((await kit.poll(poller)).ids).toEqual([]);
	});

	it('completed sessions: an odd completed_at is emitted once; later completions go on', async () => {
		const [content] = kit.emulator.seedContent(1, { type: 'flow' });
		kit.emulator.store.addUser('u1', {}, at(0));
		const first = kit.emulator.store.addContentSession({ content_id: content, user_id: 'u1', createdAt: at(1), completed: true, completedAt: at(2) });
		const poller = kit.poller({ event: 'completedContentSession' });
		await kit.poll(poller);

		const odd = kit.emulator.store.addContentSession({ content_id: content, user_id: 'u1', createdAt: at(10), completed: true, completedAt: at(11) });
		kit.emulator.configure({ stamps: { [odd.id]: { completed_at: FAR_FUTURE } } });
		expect((await kit.poll(poller)).ids).toEqual([odd.id]);

		const later = kit.emulator.store.addContentSession({ content_id: content, user_id: 'u1', createdAt: at(20), completed: true, completedAt: at(21) });
		expect((await kit.poll(poller)).ids).toEqual([later.id]);
		expect((await kit.poll(poller)).ids).toEqual([]);
		expect(first.id).not.toBe(later.id);
	});

	it('a state saved by an earlier version with a year-9999 position is started afresh, with a warning', async () => {
		addUsers(['old'], 0);
		const blinded = {
			'node:Userflow Trigger': {
				cursor: { version: 1, scope: JSON.stringify(['newUser', '', '']), watermark: FAR_FUTURE, seen: ['odd'], positional: false, checkpoints: [], floor: null },
			},
		};
		const poller = kit.poller({}, blinded);
		expect((await kit.poll(poller)).ids).toEqual([]);
		expect(cursorOf(poller)?.watermark).toBe(kit.emulator.store.users.get('old')?.created_at);
		expect(warned().some((message) => message.includes('starting afresh'))).toBe(true);
		addUsers(['n1'], 20);
		expect((await kit.poll(poller)).ids).toEqual(['n1']);
	});

	it('a state saved by an earlier version without the odd list keeps working', async () => {
		addUsers(['a1'], 0);
		const saved = {
			'node:Userflow Trigger': {
				cursor: {
					version: 1,
					scope: JSON.stringify(['newUser', '', '']),
					watermark: kit.emulator.store.users.get('a1')?.created_at,
					seen: ['a1'],
					positional: false,
					checkpoints: [],
					floor: null,
				},
			},
		};
		const poller = kit.poller({}, saved);
		addUsers(['n1'], 5);
		expect((await kit.poll(poller)).ids).toEqual(['n1']);
	});
});

describe('Userflow Trigger: malformed answers fail the poll and write no state', () => {
	it.each<[MalformedAnswerKind, RegExp]>([
		['noData', /^Userflow answered with success but not with a list: it has no data list$/],
		['html', /^Userflow answered with success but not with a list: it is an HTML page, not JSON$/],
		['errorBody', /^Userflow answered with success but not with a list: it is an error \(internal_error\): Something went wrong$/],
		['missingIds', /^Userflow answered with a list whose item 1 has no id$/],
	])('%s: at activation nothing is saved; later the position stays; then it catches up', async (kind, message) => {
		addUsers(['a1', 'a2'], 0);
		kit.emulator.configure({ malformed: { kind } });
		const poller = kit.poller();
		const failed = kit.poll(poller);
		await expect(failed).rejects.toThrow(message);
		await failed.catch((error: Error) => expect(error.message).not.toMatch(/^Item/));
		expect(cursorOf(poller)).toBeUndefined();

		kit.emulator.configure({ malformed: null });
		await kit.poll(poller);
		const before = JSON.stringify(cursorOf(poller));
		addUsers(['n1'], 10);
		kit.emulator.configure({ malformed: { kind } });
		await expect(kit.poll(poller)).rejects.toThrow(message);
		expect(JSON.stringify(cursorOf(poller))).toBe(before);

		kit.emulator.configure({ malformed: null });
		expect((await kit.poll(poller)).ids).toEqual(['n1']);
	});

	it('a server that ignores starting_after is detected: the poll fails instead of adding a checkpoint every time', async () => {
		const poller = kit.poller({ options: { maxPagesPerPoll: 1 } });
		addUsers(['a0'], 0);
		await kit.poll(poller);
		kit.emulator.seedUsers(250, { idPrefix: 'b', startAt: at(100) });
		kit.emulator.configure({ malformed: { kind: 'ignoreStartingAfter' } });
		await kit.poll(poller);
		const checkpoints = cursorOf(poller)?.checkpoints.length;
		for (let i = 0; i < 3; i++) {
			await expect(kit.poll(poller)).rejects.toThrow(/^Userflow ignored the list position: the page after '\w+' contains '\w+' itself/);
		}
		expect(cursorOf(poller)?.checkpoints.length).toBe(checkpoints);
	});

	it('has_more forever: reading an empty list at activation to its end stops', async () => {
		const poller = kit.poller();
		await kit.poll(poller);
		addUsers(['n1', 'n2'], 10);
		kit.emulator.configure({ malformed: { kind: 'hasMoreForever' } });
		await expect(kit.poll(poller)).rejects.toThrow('Userflow said there are more records but sent an empty page');
		expect(kit.emulator.requests.length).toBeLessThanOrEqual(3);
		kit.emulator.configure({ malformed: null });
		expect((await drain(kit, poller)).flatMap((poll) => poll.ids)).toEqual(['n1', 'n2']);
	});
});

describe('Userflow Trigger: bounded waits and clear errors', () => {
	it('a server that never answers fails the poll within Max Wait', async () => {
		const server = await hangingServer();
		try {
			const poller = createPoller(new UserflowTrigger(), { event: 'newUser', options: { maxRetries: 3, maxWaitSeconds: 1 } }, {
				credentials: { userflowApi: { apiKey: 'ak_hanging_test', baseUrl: server.url } },
			});
			const started = Date.now();
			const failure = await poller.poll().then(
				() => 'answered',
				(error: Error) => error.message,
			);
			expect(failure).toMatch(/^Userflow did not answer in time, after \d+ attempts?$/);
			// Not a speed limit: a poll used to wait for such a server forever.
			expect(Date.now() - started).toBeLessThan(30_000);
			expect(server.received.length).toBeGreaterThan(0);
		} finally {
			await server.close();
		}
	});

	it('a failed poll says what failed, not "Item 0"', async () => {
		addUsers(['a1'], 0);
		const poller = kit.poller();
		await kit.poll(poller);
		kit.emulator.configure({ faults: { serverErrorRate: 1 } });
		const failure = await kit.poll(poller).then(
			() => undefined,
			(error: Error) => error.message,
		);
		expect(failure).toMatch(/^Userflow answered with a server error \(50[03]\) after 2 attempts$/);
	});

	it('a content filter that is not text fails clearly', async () => {
		const poller = kit.poller({ event: 'newContentSession', limitTo: 'content', contentId: { __rl: true, mode: 'id', value: '={{ { id: 1 } }}' } });
		await expect(kit.poll(poller)).rejects.toThrow('Content: must be text');
		expect(kit.emulator.requests).toEqual([]);
	});
});
