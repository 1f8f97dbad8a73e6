/**
 * A throwaway Redis for n8n's job queue: Debian's `redis-server` on 127.0.0.1 and a free port,
 * nothing saved to disk, stopped (and its folder removed) by `stop()`.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { delay } from '../n8nCli';
import { freePort } from '../ports';
import { stopChild, type StoppableChild } from './childProcesses';

export interface RedisServer {
	port: number;
	stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;

export async function startRedis(workDir: string): Promise<RedisServer> {
	const port = await freePort();
	const log = createWriteStream(join(workDir, 'redis.log'));
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', workDir], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(log);
	child.stderr.pipe(log);
	const server: StoppableChild = { child, name: 'redis-server' };
	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (!(await answersPing(port))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			await stopChild(server);
			throw new Error(`redis-server did not answer PING on port ${port} within ${READY_TIMEOUT_MS / 1000} s; see ${workDir}/redis.log`);
		}
		await delay(200);
	}
	return { port, stop: () => stopChild(server) };
}

/** One inline PING, answered `+PONG` by a Redis that accepts commands. */
function answersPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (chunk) => done(chunk.toString().startsWith('+PONG')));
	});
}
