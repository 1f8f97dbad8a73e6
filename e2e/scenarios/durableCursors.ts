/**
 * The Userflow Trigger's cursor with n8n's durable poll cursors ON and OFF (n8n >= 2.36,
 * `N8N_POLLER_DURABLE_CURSORS_ENABLED`), across an unpublish and a republish in a running
 * n8n, through the REST calls the editor's Publish / Unpublish make.
 *
 * What the setting does in n8n 2.41 (packages/cli: poll-cursor.service, trigger-execution-
 * context.factory; @n8n/db: poller-state.repository): with it OFF, a poll node's cursor is
 * its part of the workflow's static data, saved after the poll. With it ON (it only takes
 * effect together with N8N_SCHEDULER_ENABLED, N8N_SCHEDULER_POLL_TRIGGERS_ENABLED and
 * N8N_USE_WORKFLOW_PUBLICATION_SERVICE), polls run from the durable scheduler and the node's
 * `getWorkflowStaticData('node')` is a staged copy of a row in the `poller_state` table
 * (seeded once from the static data), committed in the same transaction as the execution the
 * poll starts, or alone after a scheduled poll that found nothing; the poll at activation
 * commits only when it emits. Unpublishing removes the scheduler jobs but no `poller_state` row.
 *
 * Both modes run side by side (own user folder, n8n, emulator), so the scenario costs the
 * wall time of one: two minute polls each.
 *   publish -> activation poll (the user who existed before is never emitted)
 *   -> add u1 -> next minute poll emits u1 (not with durable cursors: FIRST_WINDOW_DURABLE)
 *   -> unpublish -> add `while_unpublished` -> republish -> activation poll
 *   -> add u3 -> next minute poll
 *   -> every user emitted exactly once; where the cursor lives is read from n8n's database.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type UserflowEmulator } from '../../emulator';
import { importCredential } from '../lib/credential';
import { delay, N8nCli, type N8nInstall } from '../lib/n8nCli';
import { queryN8nDatabase } from '../lib/n8nDatabase';
import { freePort } from '../lib/ports';
import type { Report } from '../lib/report';
import { N8nRestSession } from '../lib/restSession';
import { addUsers, seenCounts, seenSummary, waitForPoll, waitForSeen } from '../lib/seenEvents';
import { createUserFolder } from '../lib/userFolder';
import { n8nId, prepareForImport, readWorkflow, writeJson } from '../lib/workflows';

const FIXTURE = join(__dirname, '..', 'fixtures', 'trigger-new-users.json');
/** The fixture's trigger node id, the key of its `poller_state` row. */
const TRIGGER_NODE_ID = '0f3f4a52-5d0e-4a57-9b1c-000000000101';
/** After the expected events arrived: time for a duplicate execution to show up. */
const SETTLE_MS = 5_000;
/**
 * KNOWN GAP, n8n 2.41 with durable cursors ON: n8n runs the poll at activation as a test run
 * and commits a staged cursor only with an execution or after a scheduled poll, so the cursor
 * the trigger records at activation is dropped; the first scheduled poll records it again,
 * and a user created in between is never emitted. Measured, not wished: when the trigger (or
 * n8n) closes the gap this scenario fails here, and this becomes 1 (README: Compatibility).
 */
const FIRST_WINDOW_DURABLE = 0;
/** Unpublishing through the publication service is applied asynchronously. */
const UNPUBLISH_SETTLE_MS = 5_000;

interface CursorMode {
	key: string;
	title: string;
	env: Record<string, string>;
	durable: boolean;
}

const MODES: CursorMode[] = [
	{ key: 'static', title: 'durable cursors OFF (n8n defaults)', env: {}, durable: false },
	{
		key: 'durable',
		title: 'durable cursors ON',
		env: {
			N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
			// Without these three n8n logs a warning and keeps the cursor in static data.
			N8N_SCHEDULER_ENABLED: 'true',
			N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
			N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
		},
		durable: true,
	},
];

export interface DurableCursorsInput {
	install: N8nInstall;
	tarball: string;
	report: Report;
}

export async function runDurableCursors({ install, tarball, report }: DurableCursorsInput): Promise<void> {
	if (install.label !== '2') {
		console.log(`[e2e n8n-${install.label}] poll cursors: durable cursors exist from n8n 2.36 on; not run on n8n ${install.label}`);
		return;
	}
	await Promise.all(
		MODES.map((mode) =>
			report.step(`poll cursors, ${mode.title}: publish, minute poll, unpublish, republish, minute poll`, () =>
				runMode(install, tarball, mode),
			),
		),
	);
}

async function runMode(install: N8nInstall, tarball: string, mode: CursorMode): Promise<void> {
	const emulator = await startEmulator({ port: 0, strictVersionHeader: true });
	const folder = createUserFolder(tarball, `${install.label}-cursors-${mode.key}`);
	const workDir = join(folder.root, 'e2e');
	mkdirSync(workDir);
	const port = await freePort();
	// Both modes run at once: each n8n needs its own port for its task runners' broker too.
	const brokerPort = String(await freePort());
	const extraEnv = { ...install.extraEnv, ...mode.env, N8N_RUNNERS_BROKER_PORT: brokerPort };
	const n8n = new N8nCli({ ...install, extraEnv }, folder.root, port);
	const logFile = join(workDir, 'n8n-start.log');
	const id = n8nId(`e2ecur${mode.key.slice(0, 3)}`, 1);
	const log = (line: string) => console.log(`[e2e n8n-${install.label} ${mode.key} cursors] ${line}`);
	try {
		const credential = await importCredential(n8n, emulator, workDir);
		emulator.store.addUser('e2e_old', { name: 'Existed before publishing' });
		const workflow = prepareForImport(readWorkflow(FIXTURE, emulator.baseUrl), id, credential);
		await n8n.runOk('import:workflow', `--input=${writeJson(join(workDir, `import-${id}.json`), workflow)}`);
		await n8n.start(logFile);
		const rest = new N8nRestSession(`http://127.0.0.1:${port}`);
		await rest.setupOwner();

		const publishedAt = Date.now();
		await rest.publish(id);
		await waitForPoll(emulator, publishedAt, 'the activation poll');
		// Rarely the first scheduled poll comes right after the activation poll, before u1 exists;
		// then that poll is the starting point and u1 is new for the next one.
		const scheduledPollBeforeU1 = countPolls(emulator, publishedAt) > 1;
		let since = Date.now();
		addUsers(emulator, ['e2e_u1']);
		await waitForPoll(emulator, since, 'the first minute poll after publishing');
		// With durable cursors the first minute poll does not emit u1 (FIRST_WINDOW_DURABLE).
		if (mode.durable) await delay(SETTLE_MS);
		else await waitForSeen(emulator, ['e2e_u1']);
		log(`published; a user created after the activation poll, before the first minute poll: emitted ${seenCounts(emulator).e2e_u1 ?? 0}x`);

		await rest.unpublish(id);
		assert.equal(await rest.isActive(id), false, 'unpublished');
		await delay(UNPUBLISH_SETTLE_MS);
		addUsers(emulator, ['e2e_while_unpublished']);

		since = Date.now();
		await rest.publish(id);
		await waitForPoll(emulator, since, 'the activation poll after republishing');
		await delay(SETTLE_MS);
		const atRepublish = seenCounts(emulator).e2e_while_unpublished ?? 0;
		addUsers(emulator, ['e2e_u3']);
		await waitForSeen(emulator, ['e2e_u3']);
		await delay(SETTLE_MS);
		const counts = seenCounts(emulator);
		const home = await cursorHome(install, folder.root, id);
		log(`republished; after the next minute poll: ${seenSummary(emulator)}`);
		log(`the user created while unpublished: ${describeWhileUnpublished(atRepublish, counts.e2e_while_unpublished ?? 0)}`);
		log(`the cursor lives in ${home}`);

		assert.equal(counts.e2e_old, undefined, 'no flood: the user from before publishing is never emitted');
		for (const [userId, times] of Object.entries(counts)) assert.equal(times, 1, `no repeats: ${userId} started ${times} executions`);
		assert.equal(counts.e2e_while_unpublished, 1, 'the user created while unpublished is emitted once, after republishing');
		assert.equal(counts.e2e_u3, 1, 'a user created after republishing is emitted by the next minute poll');
		const expectedFirstWindow = mode.durable && !scheduledPollBeforeU1 ? FIRST_WINDOW_DURABLE : 1;
		assert.equal(counts.e2e_u1 ?? 0, expectedFirstWindow, 'the user created in the first minute after publishing, by the end');
		if (mode.durable) assert.match(home, /^n8n's poller_state table/, 'durable cursors are in effect');
	} catch (error) {
		(error as Error).message += `\n(n8n's server log: ${logFile}; seen so far: ${seenSummary(emulator)})`;
		throw error;
	} finally {
		await n8n.stop();
		await emulator.close();
	}
}

/** Where n8n keeps the trigger's cursor now: the poller_state row, or the workflow's static data. */
async function cursorHome(install: N8nInstall, userFolder: string, workflowId: string): Promise<string> {
	const rows = await queryN8nDatabase(
		install,
		userFolder,
		`SELECT cursor FROM poller_state WHERE workflowId = '${workflowId}' AND nodeId = '${TRIGGER_NODE_ID}'`,
	).catch(() => []);
	const cursor = rows[0]?.cursor;
	if (typeof cursor === 'string' && cursor.includes('"watermark"')) return `n8n's poller_state table (${cursor.length} bytes)`;
	const workflows = await queryN8nDatabase(install, userFolder, `SELECT staticData FROM workflow_entity WHERE id = '${workflowId}'`);
	const staticData = workflows[0]?.staticData;
	return typeof staticData === 'string' && staticData.includes('"watermark"')
		? `the workflow's static data (${staticData.length} bytes)`
		: 'neither (no cursor saved)';
}

function describeWhileUnpublished(atRepublish: number, total: number): string {
	if (total === 0) return 'never emitted';
	if (atRepublish > 0) return `emitted ${total}x, at the activation poll of the republish`;
	return `emitted ${total}x, by the first minute poll after republishing`;
}

/** Successful list reads of the users list (each a poll of the trigger) since `since`. */
function countPolls(emulator: UserflowEmulator, since: number): number {
	return emulator.requests.filter((r) => r.method === 'GET' && r.path === '/users' && r.at >= since && r.status === 200).length;
}
