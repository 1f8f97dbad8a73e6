/**
 * The Userflow Trigger in a running n8n (`n8n start`, workflow published): every user added to
 * the emulator starts exactly one execution, across two polls and a restart of n8n in between
 * (the cursor lives in the workflow's static data, in n8n's database).
 *
 * The workflow (e2e/fixtures/trigger-new-users.json) tracks each emitted user as an `e2e_seen`
 * event with our own Userflow node (Event > Track), so "executions per user" is read from the
 * emulator's event list and the action node is proven in a running n8n too.
 *
 * Published beside it, the trigger example examples/05-react-to-completed-flows.json: after its
 * activation poll three users complete the "Welcome tour" flow, and each completion must be
 * counted exactly once on the user (flows_completed = 1), also after the restart.
 *
 * Polls, with n8n's shortest interval of one minute:
 *   start #1: activation poll (records the cursor; the pre-existing user is not emitted)
 *             -> add 2 users -> the next minute poll emits them
 *   stop, add 1 user while n8n is down
 *   start #2: activation poll -> add 1 more user -> next minute poll
 *             -> all 4 new users seen exactly once, none replayed, the old one never.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UserflowEmulator } from '../../emulator';
import { EXAMPLE_EXPECTATIONS } from '../../examples/expectations';
import { COMPLETING_USERS, completeWelcomeTour, seedExampleEnvironment } from '../../examples/seed';
import { delay, type N8nCli } from '../lib/n8nCli';
import type { Report } from '../lib/report';
import { n8nId, prepareForImport, readWorkflow, writeJson, type ImportedCredential } from '../lib/workflows';

const FIXTURE = join(__dirname, '..', 'fixtures', 'trigger-new-users.json');
const COMPLETED_FLOWS_EXAMPLE = '05-react-to-completed-flows.json';
/** The examples in examples/ that start at a trigger: this scenario runs them. */
export const TRIGGER_EXAMPLE_FILES = [COMPLETED_FLOWS_EXAMPLE];
const SEEN_EVENT = 'e2e_seen';
/** A minute poll plus n8n's scheduling slack and the execution itself. */
const POLL_TIMEOUT_MS = 100_000;
/** After the expected events arrived: time for a duplicate execution to show up. */
const SETTLE_MS = 5_000;

export interface PollingTriggerInput {
	n8n: N8nCli;
	emulator: UserflowEmulator;
	credential: ImportedCredential;
	workDir: string;
	report: Report;
}

export async function runPollingTrigger({ n8n, emulator, credential, workDir, report }: PollingTriggerInput): Promise<void> {
	const id = n8nId('e2etrig', 1);
	const exampleId = n8nId('e2etrig', 2);
	const logFile = join(workDir, 'n8n-start.log');
	const withLog = async (body: () => Promise<void>) => {
		try {
			await body();
		} catch (error) {
			(error as Error).message += `\n(n8n's server log: ${logFile})`;
			throw error;
		}
	};

	const ready = await report.step(`trigger: import and publish the polling workflow and ${COMPLETED_FLOWS_EXAMPLE}`, async () => {
		emulator.reset();
		emulator.store.addUser('e2e_old', { name: 'Existed before activation' });
		// The users who will complete a flow exist before activation: they are not "new users".
		seedExampleEnvironment(emulator);
		for (const userId of COMPLETING_USERS) emulator.store.addUser(userId, { name: userId });
		const workflow = prepareForImport(readWorkflow(FIXTURE, emulator.baseUrl), id, credential);
		await n8n.runOk('import:workflow', `--input=${writeJson(join(workDir, `import-${id}.json`), workflow)}`);
		await activate(n8n, id);
		const example = prepareForImport(readWorkflow(EXAMPLE_FILE, emulator.baseUrl), exampleId, credential);
		await n8n.runOk('import:workflow', `--input=${writeJson(join(workDir, `import-${exampleId}.json`), example)}`);
		await activate(n8n, exampleId);
	});
	if (!ready) return;

	const firstRound = await report.step('trigger: n8n start, activation poll, 2 users and 3 completed flows, next minute poll', () =>
		withLog(async () => {
			await n8n.start(logFile);
			await waitForPoll(emulator, Date.now() - 60_000, 'the activation poll');
			await waitForPoll(emulator, Date.now() - 60_000, 'the example\'s activation poll', '/content_sessions');
			addUsers(emulator, ['e2e_new_1', 'e2e_new_2']);
			completeWelcomeTour(emulator);
			await waitForSeen(emulator, ['e2e_new_1', 'e2e_new_2']);
			await waitUntil(() => completionsCounted(emulator), 'example 05 to count every completion');
			await delay(SETTLE_MS);
			assert.deepEqual(seenCounts(emulator), { e2e_new_1: 1, e2e_new_2: 1 }, 'executions per user after the first minute poll');
			assertCompletedFlowsExample(emulator);
		}),
	);
	if (!firstRound) return n8n.stop();

	await report.step('trigger: restart n8n, the cursor survives (no replays), new users exactly once', () =>
		withLog(async () => {
			await n8n.stop();
			addUsers(emulator, ['e2e_new_3']); // added while n8n is down
			const restartedAt = Date.now();
			await n8n.start(logFile);
			await waitForPoll(emulator, restartedAt, 'the activation poll after the restart');
			addUsers(emulator, ['e2e_new_4']);
			await waitForSeen(emulator, ['e2e_new_3', 'e2e_new_4']);
			await delay(SETTLE_MS);
			assert.deepEqual(
				seenCounts(emulator),
				{ e2e_new_1: 1, e2e_new_2: 1, e2e_new_3: 1, e2e_new_4: 1 },
				'executions per user after the restart',
			);
			assertCompletedFlowsExample(emulator); // no completion counted twice after the restart
			await n8n.stop();
		}),
	);
}

/** n8n 2.x publishes a workflow version; 1.x has no publishing and activates directly. */
export async function activate(n8n: N8nCli, id: string): Promise<void> {
	const commandsDir = join(dirname(n8n.install.n8nBin), '..', 'dist', 'commands');
	if (existsSync(join(commandsDir, 'publish'))) await n8n.runOk('publish:workflow', `--id=${id}`);
	else await n8n.runOk('update:workflow', `--id=${id}`, '--active=true');
}

function addUsers(emulator: UserflowEmulator, ids: string[]): void {
	for (const userId of ids) emulator.store.addUser(userId, { name: `E2E ${userId}`, email: `${userId}@example.com` });
}

/** A trigger's poll: a GET of the list its event reads (users by default). */
async function waitForPoll(emulator: UserflowEmulator, since: number, what: string, path = '/users'): Promise<void> {
	await waitUntil(
		() => emulator.requests.some((r) => r.method === 'GET' && r.path === path && r.at >= since && r.status === 200),
		`${what} (a successful GET ${path})`,
	);
}

const EXAMPLE_FILE = join(__dirname, '..', '..', 'examples', COMPLETED_FLOWS_EXAMPLE);

function completionsCounted(emulator: UserflowEmulator): boolean {
	return COMPLETING_USERS.every((userId) => emulator.store.users.get(userId)?.attributes.flows_completed !== undefined);
}

/** Example 05's own promise (examples/expectations.ts), judged by what Userflow stored. */
function assertCompletedFlowsExample(emulator: UserflowEmulator): void {
	const expectation = EXAMPLE_EXPECTATIONS.find((e) => e.file === COMPLETED_FLOWS_EXAMPLE);
	assert.ok(expectation, `no expectation for ${COMPLETED_FLOWS_EXAMPLE}`);
	assert.deepEqual(expectation.problems({ store: emulator.store, output: [] }), [], `${COMPLETED_FLOWS_EXAMPLE} in a running n8n`);
}

async function waitForSeen(emulator: UserflowEmulator, userIds: string[]): Promise<void> {
	await waitUntil(
		() => userIds.every((userId) => (seenCounts(emulator)[userId] ?? 0) > 0),
		() => `e2e_seen events for ${userIds.join(', ')} (seen so far: ${JSON.stringify(seenCounts(emulator))})`,
	);
}

/** How many times the workflow ran for each user, read from the events it recorded. */
function seenCounts(emulator: UserflowEmulator): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const event of emulator.store.events) {
		if (event.name === SEEN_EVENT) counts[String(event.user_id)] = (counts[String(event.user_id)] ?? 0) + 1;
	}
	return counts;
}

/** `what` may be a function, to describe the state at the moment of the timeout. */
async function waitUntil(condition: () => boolean, what: string | (() => string)): Promise<void> {
	const deadline = Date.now() + POLL_TIMEOUT_MS;
	while (!condition()) {
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${POLL_TIMEOUT_MS / 1000} s waiting for ${typeof what === 'string' ? what : what()}`);
		}
		await delay(500);
	}
}
