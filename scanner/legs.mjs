/**
 * The lint legs of n8n's community-package scanner (@n8n/scan-community-package, pinned in
 * scanner/package.json), called exactly as its `analyzePackageByName` calls them after the
 * provenance check: `analyzePackage` on the attested source with its SOURCE_FILE_PATTERNS,
 * and on the unpacked npm tarball with `**\/*.js` and `package.json`.
 */
import { resolve } from 'node:path';
import glob from 'fast-glob';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

/** The scanner's own file patterns for each leg (see its scanner.mjs). */
export const LEGS = {
	source: SOURCE_FILE_PATTERNS,
	tarball: ['**/*.js', 'package.json'],
};

/**
 * Runs one leg on `dir`. A leg that finds no file passes in the scanner ("No files found to
 * analyze"); here it fails, since a scan of nothing proves nothing.
 * @returns {Promise<{ passed: boolean, files: number, message?: string, details?: string }>}
 */
export async function runLeg(leg, dirArgument) {
	const dir = resolve(dirArgument); // ESLint's cwd must be absolute
	const patterns = LEGS[leg];
	const files = glob.sync(patterns, { cwd: dir, ignore: ['node_modules/**', '**/package-lock.json'] }).length;
	if (files === 0) return { passed: false, files, message: `no files match ${patterns.join(', ')} in ${dir}` };
	const result = await analyzePackage(dir, patterns);
	return { ...result, files };
}
