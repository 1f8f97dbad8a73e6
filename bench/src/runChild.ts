/** Starts child.ts in its own Node process, hands it one job and waits, at most `timeoutMs`. */
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { ChildJob, ChildMessage, ChildOutcome } from './protocol';

const BENCH_DIR = resolve(__dirname, '..');

export type ChildResult =
	| { kind: 'done'; outcome: ChildOutcome }
	| { kind: 'timeout'; afterMs: number }
	| { kind: 'crashed'; message: string };

/** Both the n8n user folder (encryption key) and nothing else land in a throwaway folder. */
const userFolder = mkdtempSync(join(tmpdir(), 'userflow-bench-n8n-'));

export function runChild(job: ChildJob, timeoutMs: number, onStart: () => void, onMark: () => void = () => {}): Promise<ChildResult> {
	return new Promise((resolvePromise) => {
		const child = fork(join(BENCH_DIR, 'src', 'child.ts'), [], {
			execArgv: [
				'--expose-gc',
				'-r',
				join(BENCH_DIR, 'src', 'one-copy.js'),
				'-r',
				require.resolve('ts-node/register/transpile-only', { paths: [BENCH_DIR] }),
			],
			env: {
				...process.env,
				TS_NODE_PROJECT: join(BENCH_DIR, 'tsconfig.json'),
				TS_NODE_PREFER_TS_EXTS: 'true',
				N8N_USER_FOLDER: userFolder,
				N8N_DIAGNOSTICS_ENABLED: 'false',
			},
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let settled = false;
		let timer: NodeJS.Timeout | undefined;
		const finish = (result: ChildResult) => {
			if (settled) return;
			settled = true;
			if (timer) clearTimeout(timer);
			if (child.exitCode === null) child.kill('SIGKILL');
			resolvePromise(result);
		};
		child.on('message', (message: ChildMessage) => {
			if (message.type === 'ready') {
				onStart();
				timer = setTimeout(() => finish({ kind: 'timeout', afterMs: timeoutMs }), timeoutMs);
				child.send(job);
			} else if (message.type === 'mark') {
				onMark();
			} else if (message.type === 'result') {
				finish({ kind: 'done', outcome: message.outcome });
			} else {
				finish({ kind: 'crashed', message: message.message });
			}
		});
		child.on('exit', (code, signal) => finish({ kind: 'crashed', message: `child exited (code ${code}, signal ${signal})` }));
	});
}
