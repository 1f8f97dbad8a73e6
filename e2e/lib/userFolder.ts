/**
 * A fresh n8n user folder with this package installed the way n8n installs a community
 * package: unpacked from the npm tarball into `<user folder>/.n8n/nodes/node_modules/<name>`.
 * Only what `npm publish` would ship (package.json, dist/, README, LICENSE) is there, so a file
 * missing from the tarball fails here as it would for a user. n8n resolves `n8n-workflow` from
 * its own install, as for any community package.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface UserFolder {
	root: string;
	packageDir: string;
	packageName: string;
}

export function createUserFolder(tarball: string, label: string): UserFolder {
	const root = mkdtempSync(join(tmpdir(), `n8n-e2e-${label}-`));
	const nodesDir = join(root, '.n8n', 'nodes');
	const modulesDir = join(nodesDir, 'node_modules');
	mkdirSync(modulesDir, { recursive: true });

	// npm tarballs hold a single top-level folder named `package`.
	execFileSync('tar', ['-xzf', tarball, '-C', modulesDir]);
	const manifest = JSON.parse(readFileSync(join(modulesDir, 'package', 'package.json'), 'utf8')) as {
		name: string;
		version: string;
	};
	const packageDir = join(modulesDir, manifest.name);
	renameSync(join(modulesDir, 'package'), packageDir);

	// n8n keeps this manifest next to the community packages it installed.
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [manifest.name]: manifest.version } }, null, 2),
	);
	return { root, packageDir, packageName: manifest.name };
}
