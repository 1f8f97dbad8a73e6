/**
 * Which worker ran which execution, from the workers' own logs: n8n's job processor logs
 * "Worker started execution <id> (job <n>)" at info level on the worker that took the job.
 */
import { existsSync, readFileSync } from 'node:fs';

const STARTED = /Worker started execution (\d+) \(job [^)]+\)/g;

/** execution id -> labels of the workers that started it (more than one would be a double run). */
export function workersByExecution(logFiles: Map<string, string>): Map<string, string[]> {
	const byExecution = new Map<string, string[]>();
	for (const [label, file] of logFiles) {
		if (!existsSync(file)) continue;
		for (const match of readFileSync(file, 'utf8').matchAll(STARTED)) {
			const workers = byExecution.get(match[1]) ?? [];
			workers.push(label);
			byExecution.set(match[1], workers);
		}
	}
	return byExecution;
}
