/**
 * `node scanner/self-check.mjs <source dir> <unpacked tarball dir>`: proves the scan can fail.
 * Copies the source and the unpacked tarball to a temporary folder, adds a banned import to
 * one node in each (`import fs from 'fs'` in the TypeScript source, `require("fs")` in the
 * compiled JavaScript), and expects each leg to fail on exactly that line with n8n's
 * `no-restricted-imports` rule. Exit code 1 when a leg lets the banned import through.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runLeg } from './legs.mjs';

const BANNED_RULE = '@n8n/community-nodes/no-restricted-imports';
/** Everything the source leg reads or its rules resolve (icons are checked to exist). */
const SOURCE_ENTRIES = ['package.json', 'nodes', 'credentials', 'icons'];
const SOURCE_NODE = 'nodes/Userflow/Userflow.node.ts';
const TARBALL_NODE = 'dist/nodes/Userflow/Userflow.node.js';

const [sourceDir, tarballDir] = process.argv.slice(2).map((dir) => resolve(dir));
if (!sourceDir || !tarballDir) {
	console.error('usage: node scanner/self-check.mjs <source dir> <unpacked tarball dir>');
	process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'scanner-self-check-'));
let failed = false;
try {
	const sourceCopy = join(work, 'source');
	for (const entry of SOURCE_ENTRIES) {
		if (existsSync(join(sourceDir, entry))) cpSync(join(sourceDir, entry), join(sourceCopy, entry), { recursive: true });
	}
	const tarballCopy = join(work, 'tarball');
	cpSync(tarballDir, tarballCopy, { recursive: true });

	failed = !(await expectBannedImportCaught('source', sourceCopy, SOURCE_NODE, "import fs from 'fs';\n")) || failed;
	failed = !(await expectBannedImportCaught('tarball', tarballCopy, TARBALL_NODE, 'const fs = require("fs");\n')) || failed;
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

async function expectBannedImportCaught(leg, dir, file, line) {
	const path = join(dir, file);
	writeFileSync(path, line + readFileSync(path, 'utf8'));
	const result = await runLeg(leg, dir);
	const details = result.details ?? '';
	// The report must name the injected file and flag line 1 with the import rule; failing
	// for another reason (a parse error, a missing file) would prove nothing.
	const caught =
		!result.passed &&
		details.includes(path) &&
		new RegExp(`^\\s+1:\\d+\\s+error\\s.*${BANNED_RULE}`, 'm').test(details);
	console.log(
		`[scanner self-check] ${leg} leg with ${JSON.stringify(line.trim())} added to ${file}: ` +
			(caught ? `fails as it must (${BANNED_RULE})` : 'NOT CAUGHT'),
	);
	if (!caught) console.log(result.message ?? '', details);
	return caught;
}
