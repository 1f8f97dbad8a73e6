/**
 * n8n in queue mode on one machine, as a user would run it on several: Redis (the job queue),
 * PostgreSQL (the one database every process shares), one main process (`n8n start`: the
 * editor, webhooks, triggers and pollers) and workers (`n8n worker`: the executions).
 *
 * Every process has its own user folder with this package unpacked from the npm tarball, as
 * n8n installs a community package on each machine or container; nothing is shared between
 * them but Redis, the database and the encryption key.
 *
 * Start order: Redis, PostgreSQL, then the CLI imports (which create n8n's schema), main, the
 * workers; each waits (bounded) until it answers. `close()` stops everything in reverse order
 * and deletes the user folders, Redis's folder and the database; it is safe after a failure
 * part-way and when called twice.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { N8nCli, type N8nInstall } from '../n8nCli';
import { freePort } from '../ports';
import { createUserFolder } from '../userFolder';
import { startPostgres, type PostgresCluster } from './postgresCluster';
import { startRedis, type RedisServer } from './redisServer';

export interface QueueClusterOptions {
	install: N8nInstall;
	tarball: string;
	/** Logs and imported files go here; it stays for inspection. */
	logDir: string;
	workers: number;
}

export interface WorkerStart {
	/** `--concurrency`; undefined keeps n8n's default (10). */
	concurrency?: number;
}

interface Member {
	label: string;
	cli: N8nCli;
	userFolder: string;
	logFile: string;
	args: string[];
	healthPath: string;
}

/** A worker's readiness: database connected and migrated, Redis connected, fully started. */
const WORKER_READY_PATH = '/healthz/readiness';

export class QueueCluster {
	readonly timings: Record<string, number> = {};

	private redis?: RedisServer;

	private postgres?: PostgresCluster;

	private mainMember?: Member;

	private readonly workerMembers: Member[] = [];

	private readonly userFolders: string[] = [];

	private constructor(private readonly options: QueueClusterOptions) {}

	static async create(options: QueueClusterOptions): Promise<QueueCluster> {
		const cluster = new QueueCluster(options);
		try {
			await cluster.prepare();
		} catch (error) {
			await cluster.close();
			throw error;
		}
		return cluster;
	}

	get db(): PostgresCluster {
		if (!this.postgres) throw new Error('the cluster has no database');
		return this.postgres;
	}

	/** The main process's n8n: CLI commands (`import:*`, `publish:workflow`) run with its settings. */
	get main(): N8nCli {
		return this.member(this.mainMember).cli;
	}

	get mainUrl(): string {
		return `http://127.0.0.1:${this.mainPort}`;
	}

	get workerLabels(): string[] {
		return this.workerMembers.map((member) => member.label);
	}

	/** pid -> label ("main", "worker-1", ...) of every running n8n process. */
	processes(): Map<number, string> {
		const running = new Map<number, string>();
		for (const member of [this.mainMember, ...this.workerMembers]) {
			const pid = member?.cli.pid;
			if (member && pid !== undefined) running.set(pid, member.label);
		}
		return running;
	}

	/** PostgreSQL's own steps (initdb, start, createdb), in seconds. */
	get postgresTimings(): Record<string, number> {
		return { ...this.postgres?.timings };
	}

	/** Runs a step and records how long it took under `name` in `timings`. */
	async timed<T>(name: string, body: () => Promise<T>): Promise<T> {
		const started = Date.now();
		try {
			return await body();
		} finally {
			this.timings[name] = (Date.now() - started) / 1000;
		}
	}

	logFileOf(label: string): string {
		const member = [this.mainMember, ...this.workerMembers].find((m) => m?.label === label);
		if (!member) throw new Error(`no process ${label}`);
		return member.logFile;
	}

	async startMain(): Promise<void> {
		await this.timedStart(this.member(this.mainMember));
	}

	async stopMain(): Promise<void> {
		await this.member(this.mainMember).cli.stop();
	}

	async startWorker(index: number, start: WorkerStart = {}): Promise<void> {
		const member = this.workerMembers[index];
		member.args = ['worker', ...(start.concurrency !== undefined ? [`--concurrency=${start.concurrency}`] : [])];
		await this.timedStart(member);
	}

	async stopWorker(index: number): Promise<void> {
		await this.workerMembers[index].cli.stop();
	}

	async startWorkers(start: WorkerStart = {}): Promise<void> {
		// One after the other: two n8n processes booting at once on two cores starve each other.
		for (let i = 0; i < this.workerMembers.length; i++) await this.startWorker(i, start);
	}

	async stopWorkers(): Promise<void> {
		await Promise.all(this.workerMembers.map((member) => member.cli.stop()));
	}

	async close(): Promise<void> {
		const members = [...this.workerMembers, this.mainMember].filter((m): m is Member => m !== undefined);
		await Promise.allSettled(members.map((member) => member.cli.stop()));
		await Promise.allSettled([this.redis?.stop(), this.postgres?.stop()]);
		this.redis = undefined;
		this.postgres = undefined;
		for (const folder of this.userFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
	}

	private mainPort = 0;

	private async prepare(): Promise<void> {
		const { logDir } = this.options;
		mkdirSync(logDir, { recursive: true });
		const redisDir = join(logDir, 'redis');
		mkdirSync(redisDir, { recursive: true });
		this.redis = await this.timed('redis start', () => startRedis(redisDir));
		this.postgres = await this.timed('postgres total', () => startPostgres());

		this.mainPort = await freePort();
		this.mainMember = await this.newMember('main', this.mainPort, ['start'], '/healthz', {});
		for (let i = 1; i <= this.options.workers; i++) {
			const port = await freePort();
			this.workerMembers.push(
				await this.newMember(`worker-${i}`, port, ['worker'], WORKER_READY_PATH, {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				}),
			);
		}
	}

	private async newMember(label: string, port: number, args: string[], healthPath: string, own: Record<string, string>): Promise<Member> {
		const folder = createUserFolder(this.options.tarball, `${this.options.install.label}-queue-${label}`);
		this.userFolders.push(folder.root);
		const postgres = this.db;
		const install: N8nInstall = {
			...this.options.install,
			extraEnv: {
				...this.options.install.extraEnv,
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(this.redis?.port),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: postgres.host,
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: postgres.database,
				DB_POSTGRESDB_USER: postgres.user,
				DB_POSTGRESDB_PASSWORD: '',
				// n8n's defaults (5 s ping, 3 misses, then it recovers the pool, failing the queries in
				// flight; 20 s to connect) failed two backfill executions on 2 cores at load 9: the
				// database was fine, the processes were starved. Bounds for a shared test machine.
				DB_PING_TIMEOUT_MS: '30000',
				DB_POSTGRESDB_CONNECTION_TIMEOUT: '60000',
				// Each process starts its own task runner broker; the default port (5679) would clash.
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				// Webhooks (Userflow's deliveries, the backfill exports) reach main, in every process's view.
				WEBHOOK_URL: `http://127.0.0.1:${this.mainPort}/`,
				N8N_WEBHOOK_URL: `http://127.0.0.1:${this.mainPort}/`,
				...own,
			},
		};
		return { label, cli: new N8nCli(install, folder.root, port), userFolder: folder.root, logFile: join(this.options.logDir, `${label}.log`), args, healthPath };
	}

	private async timedStart(member: Member): Promise<void> {
		await this.timed(`${member.label} start`, () => member.cli.start(member.logFile, member.args, member.healthPath));
	}

	private member(member: Member | undefined): Member {
		if (!member) throw new Error('the cluster is not prepared');
		return member;
	}
}
