/**
 * Reads n8n's own SQLite database (`<user folder>/.n8n/database.sqlite`) with the sqlite3
 * module of that n8n install, run by the Node that runs that n8n (the module is compiled for
 * it). Read-only: the suite looks at where n8n keeps a trigger's cursor, it never writes.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { N8nInstall } from './n8nCli';

const READ_SCRIPT = `
const [sqlite3Path, file, sql] = process.argv.slice(1);
const sqlite3 = require(sqlite3Path);
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
	if (error) { console.error(error.message); process.exit(1); }
	db.all(sql, (queryError, rows) => {
		if (queryError) { console.error(queryError.message); process.exit(1); }
		process.stdout.write(JSON.stringify(rows));
		db.close();
	});
});`;

export function queryN8nDatabase(install: N8nInstall, userFolder: string, sql: string): Promise<Record<string, unknown>[]> {
	// e2e/n8n-<v>/node_modules/n8n/bin/n8n -> e2e/n8n-<v>/node_modules/sqlite3
	const sqlite3Path = join(dirname(install.n8nBin), '..', '..', 'sqlite3');
	const file = join(userFolder, '.n8n', 'database.sqlite');
	return new Promise((resolve, reject) => {
		execFile(install.nodeBin, ['-e', READ_SCRIPT, sqlite3Path, file, sql], { timeout: 30_000 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`reading ${file}: ${stderr || error.message}`));
			else resolve(JSON.parse(stdout) as Record<string, unknown>[]);
		});
	});
}
