/**
 * The browser suite: n8n's real editor (n8n 2.x, `n8n start`) in headless Chromium, with this
 * package installed from its npm tarball as a community package and the emulator as Userflow.
 * Started by e2e/browser/run.sh, which passes (environment):
 *   E2E_NODE_BIN, E2E_N8N_BIN   the Node and the n8n CLI of e2e/n8n-2
 *   E2E_TARBALL                 the `npm pack` tarball of this package
 * Optional:
 *   E2E_BROWSER_STEPS=03,04          only the steps whose id starts with one of these
 *   E2E_BROWSER_KNOWN_FAILURES=off   ignore knownFailures.ts (what the suite says once it is empty)
 *   E2E_BROWSER_UPDATE_DOCS=1        also write the panel screenshots to docs/screenshots/
 * Exit code 0 only when every step passed (or failed exactly as knownFailures.ts says).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startEmulator, type UserflowEmulator } from '../../emulator';
import { NDV, Ndv } from './editor/ndv';
import { signIn } from './editor/signIn';
import { seedBrowserEnvironment } from './fixtures';
import { KNOWN_REQUEST_FAILURES, KNOWN_STEP_FAILURES } from './knownFailures';
import { Artifacts } from './lib/artifacts';
import { launchChromium } from './lib/chromium';
import { KnownFailures } from './lib/knownFailureMatcher';
import { OWNER, startN8n, type RunningN8n } from './lib/n8nServer';
import { readPackageFacts, type PackageFacts } from './lib/packageFacts';
import { PageWatch } from './lib/pageWatch';
import { StepRunner, type BrowserStep } from './lib/stepRunner';
import { Ui } from './lib/ui';
import type { StepContext } from './steps/context';
import { nodeCreatorStep } from './steps/01-nodeCreator';
import { credentialStep } from './steps/02-credential';
import { userUpsertAttributesStep } from './steps/03-userUpsertAttributes';
import { switchGetAndUpsertStep } from './steps/04-switchGetAndUpsert';
import { membershipAddStep } from './steps/05-membershipAdd';
import { eventTrackStep } from './steps/06-eventTrack';
import { executeWorkflowStep } from './steps/07-executeWorkflow';
import { triggerTestEventStep } from './steps/08-triggerTestEvent';
import { errorPanelStep } from './steps/09-errorPanel';

const REPO_ROOT = join(__dirname, '..', '..');

/** In this order: the credential (step 2) is what every later step's node uses. */
const STEPS: Array<BrowserStep<StepContext>> = [
	nodeCreatorStep,
	credentialStep,
	userUpsertAttributesStep,
	switchGetAndUpsertStep,
	membershipAddStep,
	eventTrackStep,
	executeWorkflowStep,
	triggerTestEventStep,
	errorPanelStep,
];

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set; start the suite with e2e/browser/run.sh`);
	return value;
}

function selectedSteps(): Array<BrowserStep<StepContext>> {
	const filter = process.env.E2E_BROWSER_STEPS?.split(',').map((prefix) => prefix.trim()).filter(Boolean);
	if (!filter?.length) return STEPS;
	const chosen = STEPS.filter((step) => filter.some((prefix) => step.id.startsWith(prefix)));
	// Later steps need the credential: keep step 2 whenever a later step runs.
	if (chosen.some((step) => step.id > credentialStep.id) && !chosen.includes(credentialStep)) chosen.unshift(credentialStep);
	return chosen.sort((a, b) => a.id.localeCompare(b.id));
}

async function main(): Promise<number> {
	const started = Date.now();
	const emulator = await startEmulator({ port: 0, strictVersionHeader: true });
	seedBrowserEnvironment(emulator);
	try {
		const n8n = await startN8n(
			{ label: '2', nodeBin: required('E2E_NODE_BIN'), n8nBin: required('E2E_N8N_BIN'), extraEnv: {} },
			required('E2E_TARBALL'),
		);
		console.log(`[browser] n8n ${n8n.url} (log: ${n8n.logFile}), emulator ${emulator.baseUrl}; n8n up after ${seconds(started)} s`);
		try {
			const chromium = await launchChromium();
			try {
				const passed = await runSteps(await chromium.browser.newPage(), n8n, emulator);
				console.log(`[browser] ${passed ? 'PASSED' : 'FAILED'} in ${seconds(started)} s; n8n's log: ${n8n.logFile}`);
				return passed ? 0 : 1;
			} finally {
				await chromium.close();
			}
		} finally {
			await n8n.stop();
		}
	} finally {
		await emulator.close();
	}
}

/** Signs in, then runs the selected steps on one page; true when the suite passed. */
async function runSteps(page: Page, n8n: RunningN8n, emulator: UserflowEmulator): Promise<boolean> {
	const artifacts = Artifacts.create(REPO_ROOT, process.env.E2E_BROWSER_UPDATE_DOCS === '1');
	console.log(`[browser] screenshots and failure dumps: ${artifacts.dir}`);
	// Leaving an unsaved workflow asks "leave the page?": a user who starts a new one says yes.
	page.on('dialog', (dialog) => void dialog.accept());
	const watch = new PageWatch(page, new URL(n8n.url).origin);
	const knownFailures = new KnownFailures(process.env.E2E_BROWSER_KNOWN_FAILURES !== 'off', KNOWN_STEP_FAILURES, KNOWN_REQUEST_FAILURES);
	const runner = new StepRunner(page, watch, artifacts, knownFailures);
	const ui = new Ui(page);
	const shot = async (name: string) => void (await artifacts.screenshot(page, name));

	let facts: PackageFacts | undefined;
	await runner.run(
		{
			id: '00-sign-in',
			title: 'sign in on the sign-in page; read the node types n8n serves for the package',
			async run() {
				await signIn(ui, n8n.url, OWNER);
				facts = await readPackageFacts(page, packagedNodeCount(n8n.folder.packageDir));
				await shot('signed-in');
			},
		},
		undefined,
	);
	if (facts) {
		const context: StepContext = {
			ui,
			ndv: new Ndv(ui),
			emulator,
			n8nUrl: n8n.url,
			facts,
			artifacts,
			shot,
			panelShot: async (docsName, selector = NDV) => {
				await ui.dismissToasts();
				await artifacts.panelScreenshot(page, selector, docsName);
			},
		};
		for (const step of selectedSteps()) await runner.run(step, context);
	}
	artifacts.write('console.log', watch.console.join('\n'));
	console.log(runner.summary());
	console.log(`[browser] artifacts: ${artifacts.dir}`);
	return !runner.failed;
}

/** How many nodes the packed package.json declares: n8n must serve exactly these. */
function packagedNodeCount(packageDir: string): number {
	const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	return manifest.n8n.nodes.length;
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(0);

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(error.stack ?? error.message);
		process.exit(1);
	},
);
