/**
 * n8n's executions as the shared database records them: one row per execution (mode, status,
 * times) and its run data, which n8n stores serialised with `flatted` (read here with n8n's own
 * copy, so the format is always the one this n8n writes).
 */
import { createRequire } from 'node:module';
import type { PostgresCluster } from './postgresCluster';

export interface ExecutionRow {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	/** Epoch ms; undefined while the execution waits in the queue. */
	startedAt?: number;
	stoppedAt?: number;
}

/** Statuses of an execution that will not change any more. */
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);
export const isFinished = (row: ExecutionRow) => FINISHED.has(row.status);

const epochMs = (text: string | undefined) => (text ? Number(text) : undefined);

export async function listExecutions(db: PostgresCluster, workflowId: string): Promise<ExecutionRow[]> {
	const rows = await db.query(
		`SELECT id, "workflowId", mode, status, round(extract(epoch from "startedAt") * 1000), round(extract(epoch from "stoppedAt") * 1000)
		 FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, "''")}' ORDER BY id`,
	);
	return rows.map(([id, wf, mode, status, startedAt, stoppedAt]) => ({
		id,
		workflowId: wf,
		mode,
		status,
		startedAt: epochMs(startedAt),
		stoppedAt: epochMs(stoppedAt),
	}));
}

export interface NodeOutput {
	/** Items on the node's first output, over all its runs. */
	items: Array<Record<string, unknown>>;
	/** The node's error message, if a run of it failed. */
	error?: string;
}

interface StoredRun {
	resultData?: {
		runData?: Record<string, Array<{ error?: { message?: string }; data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
	};
}

export class ExecutionData {
	private readonly parse: (text: string) => unknown;

	/** @param n8nBin the n8n whose executions these are (its `flatted` reads them) */
	constructor(
		private readonly db: PostgresCluster,
		n8nBin: string,
	) {
		const requireFromN8n = createRequire(n8nBin);
		this.parse = (requireFromN8n('flatted') as { parse: (text: string) => unknown }).parse;
	}

	async nodeOutput(executionId: string, nodeName: string): Promise<NodeOutput> {
		const [row] = await this.db.query(`SELECT data FROM execution_data WHERE "executionId" = ${Number(executionId)}`);
		if (!row) throw new Error(`execution ${executionId} has no data in n8n's database`);
		const run = this.parse(row[0]) as StoredRun;
		const nodeRuns = run.resultData?.runData?.[nodeName] ?? [];
		return {
			items: nodeRuns.flatMap((nodeRun) => (nodeRun.data?.main?.[0] ?? []).map((item) => item.json)),
			error: nodeRuns.find((nodeRun) => nodeRun.error)?.error?.message,
		};
	}
}
