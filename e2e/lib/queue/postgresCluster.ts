/**
 * A throwaway PostgreSQL cluster for n8n in queue mode (n8n's docs call SQLite unsupported
 * there: every process must reach the same database). Debian's server binaries, a cluster of
 * its own in a temporary folder on a free port of 127.0.0.1, trust authentication, no fsync
 * (nothing here must survive a crash of the machine). `stop()` stops it and deletes it all.
 *
 * PostgreSQL refuses to run as root, so as root every server command runs as the `postgres`
 * user (`runuser -u postgres`), which owns the folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tail } from '../n8nCli';
import { freePort } from '../ports';

const run = promisify(execFile);

export interface PostgresCluster {
	host: string;
	port: number;
	user: string;
	database: string;
	/** Seconds each step took: initdb, start, createdb (for the runtime notes). */
	timings: Record<string, number>;
	/** Rows of a query's result, each a list of column texts. */
	query(sql: string): Promise<string[][]>;
	stop(): Promise<void>;
}

const DATABASE = 'n8n';
const SUPERUSER = 'postgres';

/** The newest installed server version's binaries (Debian: /usr/lib/postgresql/<major>/bin). */
export function postgresBinDir(): string {
	const root = '/usr/lib/postgresql';
	const majors = readdirSync(root)
		.filter((name) => /^\d+$/.test(name))
		.sort((a, b) => Number(b) - Number(a));
	if (majors.length === 0) throw new Error(`no PostgreSQL server under ${root}; run e2e/lib/queue/install-services.sh`);
	return join(root, majors[0], 'bin');
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a server command as the cluster's owner: `postgres` when we are root, else ourselves. */
function asOwner(command: string, args: string[], cwd: string) {
	return isRoot() ? run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd }) : run(command, args, { cwd });
}

async function timed(timings: Record<string, number>, name: string, body: () => Promise<unknown>): Promise<void> {
	const started = Date.now();
	await body();
	timings[name] = (Date.now() - started) / 1000;
}

export async function startPostgres(): Promise<PostgresCluster> {
	const bin = postgresBinDir();
	const dir = mkdtempSync(join(tmpdir(), 'n8n-e2e-pg-'));
	const dataDir = join(dir, 'data');
	const logFile = join(dir, 'postgres.log');
	const port = await freePort();
	const timings: Record<string, number> = {};
	const psql = (database: string, sql: string) =>
		run('psql', ['-X', '-q', '-At', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, '-d', database, '-c', sql], {
			maxBuffer: 64 * 1024 * 1024,
		});
	const stop = async () => {
		try {
			await asOwner(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop'], dir);
		} catch {
			// Not started, or already stopped: nothing to stop.
		}
		rmSync(dir, { recursive: true, force: true });
	};

	try {
		if (isRoot()) await run('chown', ['postgres:postgres', dir]);
		await timed(timings, 'initdb', () =>
			asOwner(join(bin, 'initdb'), ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], dir),
		);
		const serverOptions = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
		await timed(timings, 'start', () =>
			asOwner(join(bin, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions.join(' '), 'start'], dir),
		);
		await timed(timings, 'createdb', () => psql('postgres', `CREATE DATABASE ${DATABASE}`));
	} catch (error) {
		const log = existsSync(logFile) ? tail(readFileSync(logFile, 'utf8')) : '(no log)';
		await stop();
		throw new Error(`PostgreSQL did not start: ${(error as Error).message.trim()}\n${log}`);
	}

	return {
		host: '127.0.0.1',
		port,
		user: SUPERUSER,
		database: DATABASE,
		timings,
		async query(sql: string): Promise<string[][]> {
			const { stdout } = await psql(DATABASE, sql);
			return stdout
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('\t'));
		},
		stop,
	};
}
