/** The queue scenario's accounting of one backfill, from the emulator's log and store and n8n's records. */
import type { RecordedRequest, StoredUser } from '../../emulator';
import type { BackfillOutcome } from '../../e2e/lib/queue/backfill';
import { backfillFigures, backfillProblems } from '../../e2e/lib/queue/backfillFigures';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
type Tagged = RecordedRequest & { origin: string };

function upsert(atSeconds: number, id: string, status: number, origin: string): Tagged {
	return { method: 'POST', path: '/users', query: {}, headers: {}, body: { id }, status, at: T0 + atSeconds * 1000, versionHeaderMissing: false, origin };
}

function outcome(): BackfillOutcome {
	return {
		plan: { run: 'r1', executions: 2, usersPerExecution: 2, concurrency: 'default' },
		userIds: [
			['a0', 'a1'],
			['b0', 'b1'],
		],
		sentAt: T0 - 1000,
		finishedAt: T0 + 4000,
		executions: [
			{ id: '1', workflowId: 'w', mode: 'webhook', status: 'success', startedAt: T0, stoppedAt: T0 + 4000 },
			{ id: '2', workflowId: 'w', mode: 'webhook', status: 'success', startedAt: T0, stoppedAt: T0 + 3000 },
		],
	};
}

const stored = (ids: string[], run = 'r1') =>
	new Map<string, StoredUser>(ids.map((id) => [id, { id, created_at: '', seq: 0, attributes: { e2e_run: run } }]));
const items = (...ids: string[]) => ({ items: ids.map((id) => ({ id })) });

describe('backfillFigures', () => {
	it('measures the run against items / limit, in all and per worker', () => {
		const requests = [upsert(0, 'a0', 200, 'worker-1'), upsert(0.5, 'b0', 429, 'worker-2'), upsert(1, 'b0', 200, 'worker-2'), upsert(2, 'a1', 200, 'worker-1'), upsert(4, 'b1', 200, 'worker-2')];
		const figures = backfillFigures({
			outcome: outcome(),
			limit: 1,
			requests,
			originOf: (r) => (r as Tagged).origin,
			users: stored(['a0', 'a1', 'b0', 'b1']),
			workersByExecution: new Map([
				['1', ['worker-1']],
				['2', ['worker-2']],
			]),
			outputs: new Map([
				['1', items('a0', 'a1')],
				['2', items('b0', 'b1')],
			]),
		});
		expect(figures).toMatchObject({ items: 4, floorSeconds: 4, wallSeconds: 5, wallRatio: 1.25, keyBusySeconds: 4, firstRequestAfterSeconds: 1 });
		expect(figures).toMatchObject({ requests: 5, accepted: 4, rateLimited: 1, rateLimitedShare: 0.2, acceptedPerSecond: 1, acceptedRatio: 1 });
		expect(figures.perProcess.map((p) => [p.process, p.executions, p.accepted, p.acceptedPerSecond, p.activeSeconds])).toEqual([
			['worker-1', ['1'], 2, 0.5, 2],
			['worker-2', ['2'], 2, 0.5, 3.5],
		]);
		expect(figures.targets).toEqual({ wall: true, rateLimited: false });
		expect(backfillProblems(figures)).toEqual([]);
	});

	it('names every way a user can be lost, doubled or unaccounted for, and where an upsert came from', () => {
		const requests = [upsert(0, 'a0', 200, 'worker-1'), upsert(1, 'a0', 200, 'worker-2'), upsert(2, 'b0', 200, 'main'), upsert(3, 'b1', 200, 'worker-2')];
		const figures = backfillFigures({
			outcome: { ...outcome(), executions: [{ ...outcome().executions[0], status: 'error' }, outcome().executions[1]] },
			limit: 1,
			requests,
			originOf: (r) => (r as Tagged).origin,
			users: new Map([...stored(['a0', 'b0']), ...stored(['b1'], 'another run')]),
			workersByExecution: new Map([
				['1', ['worker-1', 'worker-2']],
				['2', []],
			]),
			outputs: new Map([
				['1', items('a0', 'a0')],
				['2', items('b0')],
			]),
		});
		expect(backfillProblems(figures)).toEqual([
			'2 of 4 users not stored with this run\'s values',
			'1 users written twice',
			'3 input items without exactly one output item',
			'executions not successful: 1 (error)',
			'executions not started by exactly one worker: 1, 2',
			'1 upserts not sent by a worker',
		]);
	});
});
