/**
 * Reads the result of `n8n execute --rawOutput`. n8n prints the run as
 * `JSON.stringify(run, null, 2)` through its logger, after its own log lines, so the run is
 * the last block that starts with a line `{` and ends with a line `}` and parses as JSON.
 */

export interface ExecutedRun {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string };
			lastNodeExecuted?: string;
		};
	};
}

export interface NodeRun {
	error?: { message?: string; description?: string };
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

export function parseRawOutput(stdout: string): ExecutedRun | undefined {
	const lines = stdout.split('\n').map((line) => line.replace(/\r$/, ''));
	const starts = lines.flatMap((line, i) => (line === '{' ? [i] : []));
	const ends = lines.flatMap((line, i) => (line === '}' ? [i] : []));
	// Last start first: the run follows every log line; the widest parsable block wins.
	for (const start of starts.reverse()) {
		for (const end of [...ends].reverse()) {
			if (end <= start) break;
			const parsed = tryParse(lines.slice(start, end + 1).join('\n'));
			if (isRun(parsed)) return parsed;
		}
	}
	return undefined;
}

function tryParse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function isRun(value: unknown): value is ExecutedRun {
	const data = (value as ExecutedRun | undefined)?.data;
	return typeof data === 'object' && data !== null && typeof data.resultData === 'object';
}

/** Every item a node output on its first output, in order (all runs of the node). */
export function nodeOutputItems(run: ExecutedRun, nodeName: string): Array<Record<string, unknown>> {
	return (run.data.resultData.runData[nodeName] ?? []).flatMap((nodeRun) =>
		(nodeRun.data?.main?.[0] ?? []).map((item) => item.json),
	);
}

/** A human summary of why a run failed, or undefined when it succeeded. */
export function runFailure(run: ExecutedRun): string | undefined {
	const error = run.data.resultData.error;
	if (error) return `${error.message ?? 'error'}${error.description ? ` (${error.description})` : ''}`;
	for (const [nodeName, nodeRuns] of Object.entries(run.data.resultData.runData)) {
		const failed = nodeRuns.find((nodeRun) => nodeRun.error);
		if (failed?.error) return `node "${nodeName}": ${failed.error.message ?? 'error'}`;
	}
	if (run.status !== undefined && run.status !== 'success') return `status "${run.status}"`;
	return undefined;
}
