/** The queue scenario's reading of the emulator's log: which requests are polls, and whether they kept n8n's schedule. */
import type { RecordedRequest } from '../../emulator';
import { pollScheduleProblems, pollsOf } from '../../e2e/lib/queue/polls';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

function get(atSeconds: number, status: number, origin = 'main', query: Record<string, string> = {}): RecordedRequest & { origin: string } {
	return { method: 'GET', path: '/users', query: { limit: '100', ...query }, headers: {}, body: undefined, status, at: T0 + atSeconds * 1000, versionHeaderMissing: false, origin };
}
const originOf = (request: RecordedRequest) => (request as RecordedRequest & { origin: string }).origin;

describe('pollsOf', () => {
	it('counts a GET repeated after a 429 as a retry of the same poll, and a GET after an answer as a new poll', () => {
		const polls = pollsOf([get(0, 200), get(60, 429), get(60.2, 429), get(60.9, 200), get(120, 200)], originOf);
		expect(polls.map((p) => [p.startedAt - T0, p.attempts, p.rateLimited, p.answered, p.delaySeconds])).toEqual([
			[0, 1, 0, true, 0],
			[60_000, 3, 2, true, 0.9],
			[120_000, 1, 0, true, 0],
		]);
	});

	it('ignores the pages after the first, and keeps each process\'s polls apart', () => {
		const polls = pollsOf([get(0, 429, 'main'), get(0.1, 200, 'worker-1'), get(0.5, 200, 'main'), get(0.6, 200, 'main', { starting_after: 'u1' })], originOf);
		expect(polls.map((p) => [p.process, p.attempts])).toEqual([
			['main', 2],
			['worker-1', 1],
		]);
	});
});

describe('pollScheduleProblems', () => {
	const session = { startedAt: T0 - 2000, stoppedAt: T0 + 200_000 };

	it('accepts an activation poll, a first tick at any second, then one poll a minute', () => {
		const polls = pollsOf([get(0, 200), get(17, 200), get(77, 200), get(138, 200)], originOf);
		expect(pollScheduleProblems(polls, [session])).toEqual([]);
	});

	it('names a poll from a worker, a poll while main was down, a failed poll and a doubled one', () => {
		const polls = pollsOf([get(0, 200), get(17, 200), get(30, 200, 'worker-2'), get(77, 200), get(80, 200), get(140, 429), get(198, 200), get(300, 200)], originOf);
		expect(pollScheduleProblems(polls, [session])).toEqual([
			'a poll at 12:00:30 came from worker-2, not main',
			'the poll at 12:02:20 failed (1 attempts, 1 rate-limited)',
			'a poll at 12:05:00 while main was not running the trigger',
			'polls at 12:01:17 and 12:01:20 are 3.0 s apart, not one interval',
		]);
	});

	it('names a start of main without an activation poll', () => {
		expect(pollScheduleProblems([], [session])).toEqual(['no activation poll after main started at 11:59:58']);
	});
});
