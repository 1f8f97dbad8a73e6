/**
 * One backfill run in queue mode: N exports of users posted at once to the main process's
 * production webhook (e2e/fixtures/queue/backfill-webhook.json); main enqueues one execution
 * per export and the workers run them. Waits (bounded) until n8n's database shows every one of
 * them finished.
 */
import { delay } from '../n8nCli';
import { isFinished, listExecutions, type ExecutionRow } from './executions';
import type { PostgresCluster } from './postgresCluster';

export const BACKFILL_WEBHOOK_PATH = 'e2e-queue-backfill';
/** The node whose output must hold one item per user (the fixture's Userflow node). */
export const BACKFILL_UPSERT_NODE = 'Create or update users in Userflow';

export interface BackfillPlan {
	/** Marker written on every user as attribute `e2e_run`; tells this run's writes from others'. */
	run: string;
	executions: number;
	usersPerExecution: number;
	/** The user ids of export k; by default new users `${run}_${k}_${i}`. */
	userIds?: (k: number, i: number) => string;
	/** Worker concurrency during the run, for the figures ("default" = n8n's 10). */
	concurrency: number | 'default';
}

export interface BackfillOutcome {
	plan: BackfillPlan;
	/** userIds[k] = the ids posted in export k. */
	userIds: string[][];
	/** When the exports were posted (epoch ms). */
	sentAt: number;
	/** When the last of the run's executions stopped, as n8n recorded it. */
	finishedAt: number;
	executions: ExecutionRow[];
}

export interface BackfillTarget {
	db: PostgresCluster;
	mainUrl: string;
	workflowId: string;
}

export async function runBackfill(target: BackfillTarget, plan: BackfillPlan, timeoutMs: number): Promise<BackfillOutcome> {
	const before = new Set((await listExecutions(target.db, target.workflowId)).map((row) => row.id));
	const idOf = plan.userIds ?? ((k: number, i: number) => `${plan.run}_${k}_${i}`);
	const userIds = Array.from({ length: plan.executions }, (_, k) => Array.from({ length: plan.usersPerExecution }, (_, i) => idOf(k, i)));
	const bodies = userIds.map((ids) =>
		JSON.stringify({ users: ids.map((id) => ({ id, name: `Backfill ${id}`, email: `${id}@example.com`, e2e_run: plan.run })) }),
	);

	const sentAt = Date.now();
	await Promise.all(
		bodies.map(async (body, k) => {
			const response = await fetch(`${target.mainUrl}/webhook/${BACKFILL_WEBHOOK_PATH}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body,
			});
			if (!response.ok) throw new Error(`export ${k}: n8n's webhook answered ${response.status}: ${await response.text()}`);
		}),
	);

	const deadline = sentAt + timeoutMs;
	let executions: ExecutionRow[] = [];
	for (;;) {
		executions = (await listExecutions(target.db, target.workflowId)).filter((row) => !before.has(row.id));
		if (executions.length >= plan.executions && executions.every(isFinished)) break;
		if (Date.now() > deadline) {
			throw new Error(
				`backfill ${plan.run}: after ${Math.round(timeoutMs / 1000)} s, ${executions.length} of ${plan.executions} executions exist, statuses ${executions.map((row) => `${row.id}:${row.status}`).join(', ') || 'none'}`,
			);
		}
		await delay(1000);
	}
	if (executions.length !== plan.executions) {
		throw new Error(`backfill ${plan.run}: ${plan.executions} exports posted, but n8n recorded ${executions.length} executions`);
	}
	const finishedAt = Math.max(...executions.map((row) => row.stoppedAt ?? Date.now()));
	return { plan, userIds, sentAt, finishedAt, executions };
}
