/**
 * Runs the real n8n CLI of one installed version (`e2e/n8n-<version>`) against one user folder:
 * one-shot commands (`import:*`, `execute`, `publish:workflow`) and a background `n8n start`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

export interface N8nInstall {
	/** e.g. "2" */
	label: string;
	/** The `node` that runs this n8n (Node 24 for n8n 2.x, the system Node 20 for 1.x). */
	nodeBin: string;
	/** `e2e/n8n-<version>/node_modules/n8n/bin/n8n` */
	n8nBin: string;
	/** Extra variables this version needs, e.g. N8N_EXPRESSION_ENGINE=legacy on 1.x. */
	extraEnv: Record<string, string>;
}

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export class N8nCli {
	private server?: { child: ChildProcess; log: WriteStream; exited: Promise<void> };

	constructor(
		readonly install: N8nInstall,
		private readonly userFolder: string,
		private readonly port: number,
		/**
		 * Where n8n 2.x's task broker listens for its JS task runner (default 5679). Two n8n
		 * processes on one machine (parallel CI jobs, a helper's run) collide on the default,
		 * and the second one's Code nodes then fail; give each process a free port.
		 */
		private readonly runnerBrokerPort?: number,
	) {}

	/** Where `n8n start` answers, e.g. `http://127.0.0.1:5678`. */
	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	env(): NodeJS.ProcessEnv {
		return {
			// Only what n8n needs; nothing of the caller's n8n settings leaks in.
			PATH: `${join(this.install.nodeBin, '..')}:${process.env.PATH ?? ''}`,
			HOME: process.env.HOME,
			TZ: 'UTC',
			GENERIC_TIMEZONE: 'UTC',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'e2e-encryption-key-not-a-secret',
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			// The URL n8n gives webhook nodes (what Userflow is told to call): n8n's own address here.
			// n8n 1.x reads WEBHOOK_URL; 2.x prefers N8N_WEBHOOK_URL (WEBHOOK_URL is deprecated there).
			WEBHOOK_URL: `http://127.0.0.1:${this.port}/`,
			N8N_WEBHOOK_URL: `http://127.0.0.1:${this.port}/`,
			// Keeps `n8n start` from waiting the default 30 s for nothing on each stop.
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			...(this.runnerBrokerPort === undefined ? {} : { N8N_RUNNERS_BROKER_PORT: String(this.runnerBrokerPort) }),
			...this.install.extraEnv,
		};
	}

	/** Runs one command to completion, e.g. `run('execute', '--id=abc', '--rawOutput')`. */
	run(...args: string[]): Promise<CommandResult> {
		return new Promise((resolve, reject) => {
			const child = spawn(this.install.nodeBin, [this.install.n8nBin, ...args], {
				env: this.env(),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			child.on('error', reject);
			child.on('close', (code) => resolve({ code, stdout, stderr }));
		});
	}

	/** Like run(), but throws with n8n's output when the command fails. */
	async runOk(...args: string[]): Promise<CommandResult> {
		const result = await this.run(...args);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} exited with ${result.code}\n${tail(result.stdout + result.stderr)}`);
		}
		return result;
	}

	/**
	 * Starts `n8n start` (or another long-running command, such as `worker`) in the background,
	 * its output going to logFile, and waits until it answers `healthPath` on the port.
	 */
	async start(logFile: string, args: string[] = ['start'], healthPath = '/healthz'): Promise<void> {
		if (this.server) throw new Error('n8n is already running');
		const log = createWriteStream(logFile, { flags: 'a' });
		const child = spawn(this.install.nodeBin, [this.install.n8nBin, ...args], {
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout?.pipe(log, { end: false });
		child.stderr?.pipe(log, { end: false });
		const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
		this.server = { child, log, exited };

		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`n8n ${args.join(' ')} exited with ${child.exitCode}; see ${logFile}`);
			if (await this.isHealthy(healthPath)) return;
			await delay(500);
		}
		throw new Error(`n8n ${args.join(' ')} did not answer on port ${this.port} within 120 s; see ${logFile}`);
	}

	/** The running process's id (what the queue scenario attributes requests to). */
	get pid(): number | undefined {
		return this.server?.child.pid;
	}

	/** SIGTERM, as a service manager would, then waits for n8n's graceful shutdown. */
	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		if (server.child.exitCode === null) {
			server.child.kill('SIGTERM');
			const killed = delay(45_000).then(() => server.child.kill('SIGKILL'));
			await Promise.race([server.exited, killed]);
		}
		await server.exited;
		server.log.end();
	}

	private async isHealthy(path: string): Promise<boolean> {
		try {
			const response = await fetch(`http://127.0.0.1:${this.port}${path}`);
			return response.ok;
		} catch {
			return false;
		}
	}
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The last lines of a command's output, enough to see why it failed. */
export function tail(text: string, lines = 40): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}
