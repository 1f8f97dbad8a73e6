/** Where and with what a bench run ran: the numbers mean little without it. */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';

import type { MachineInfo } from '../results';

const BENCH_DIR = resolve(__dirname, '..', '..');

function versionOf(packageName: string): string {
	try {
		const path = require.resolve(`${packageName}/package.json`, { paths: [BENCH_DIR] });
		return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

export function collectMachineInfo(args: string[]): MachineInfo {
	let gitCommit = 'unknown';
	try {
		gitCommit = execSync('git rev-parse --short HEAD', { cwd: BENCH_DIR, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
		const dirty = execSync('git status --porcelain -- ../nodes ../credentials', { cwd: BENCH_DIR, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
		if (dirty) gitCommit += ' (node sources modified)';
	} catch {
		// Not a git checkout: the commit stays unknown.
	}
	const packageJson = JSON.parse(readFileSync(resolve(BENCH_DIR, '..', 'package.json'), 'utf8')) as { name: string; version: string };
	return {
		date: new Date().toISOString(),
		cpu: os.cpus()[0]?.model ?? 'unknown',
		cores: os.cpus().length,
		memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		versions: {
			[packageJson.name]: packageJson.version,
			'n8n-core': versionOf('n8n-core'),
			'n8n-workflow': versionOf('n8n-workflow'),
			'n8n-nodes-base': versionOf('n8n-nodes-base'),
			axios: versionOf('axios'),
		},
		gitCommit,
		command: ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' '),
	};
}
