/**
 * Step 4 (issue 10, item 1): one node switched between User > Get and User > Create or Update.
 * The user picked from the list on Get must still be shown, without a red issue or an empty
 * mode selector, and must work in both operations: Get reads it, Create or Update writes it.
 */
import assert from 'node:assert/strict';
import { addUserflowStep, openNewWorkflow } from '../editor/canvas';
import { ResourceLocator, shownId } from '../editor/resourceLocator';
import { SEEDED } from '../fixtures';
import type { BrowserStep } from '../lib/stepRunner';
import type { StepContext } from './context';

const USER_ID = SEEDED.users[1];
/** Named in every check of this step, so the known-failures list can match exactly this defect. */
const ITEM_1 = '(issue 10, item 1: a parameter that changes type between operations)';

export const switchGetAndUpsertStep: BrowserStep<StepContext> = {
	id: '04-switch-get-and-upsert',
	title: 'switch one node between Get and Create or Update: the user ID survives and works in both',
	async run({ ui, ndv, n8nUrl, emulator, shot }) {
		await openNewWorkflow(ui, n8nUrl);
		await addUserflowStep(ui, 'Get a user', 'action');
		await new ResourceLocator(ui, 'userId').pickFromList(USER_ID);
		await expectUserIdShown(ui, 'on Get, after picking it from the list');
		await ndv.assertNoParameterIssues('Get with a user picked from the list');
		await expectOutputUser(await ndv.executeOk('Execute step on Get'), 'Get');
		await shot('switch-1-get');

		await ndv.selectOption('operation', 'Create or Update');
		await expectUserIdShown(ui, 'after switching to Create or Update');
		await ndv.assertNoParameterIssues(`Create or Update right after switching from Get ${ITEM_1}`);
		const writesBefore = upsertsOf(emulator).length;
		await expectOutputUser(await ndv.executeOk(`Execute step on Create or Update (after Get) ${ITEM_1}`), 'Create or Update');
		assert.ok(upsertsOf(emulator).length > writesBefore, `Create or Update sent POST /users for ${USER_ID} ${ITEM_1}`);
		await shot('switch-2-upsert');

		await ndv.selectOption('operation', 'Get');
		await expectUserIdShown(ui, 'after switching back to Get');
		await ndv.assertNoParameterIssues(`Get after switching back from Create or Update ${ITEM_1}`);
		await expectOutputUser(await ndv.executeOk(`Execute step on Get (after Create or Update) ${ITEM_1}`), 'Get again');
		await shot('switch-3-get-again');
	},
};

async function expectUserIdShown(ui: StepContext['ui'], when: string): Promise<void> {
	const shown = await shownId(ui, 'userId');
	// From list shows the picked user's name; a text field or By ID shows the ID itself.
	const showsName = shown.mode?.toLowerCase() === 'from list';
	assert.ok(showsName ? shown.value !== '' : shown.value === USER_ID, `the user field shows the user ${when} (shows '${shown.value}') ${ITEM_1}`);
	if (shown.mode !== undefined) assert.notEqual(shown.mode, '', `the user field's mode selector shows a mode ${when}, not an empty "Mode..." ${ITEM_1}`);
}

async function expectOutputUser(items: unknown[], operation: string): Promise<void> {
	assert.equal(items.length, 1, `${operation} outputs one item`);
	assert.equal((items[0] as { id?: string }).id, USER_ID, `${operation} outputs the user ${USER_ID}`);
}

function upsertsOf(emulator: StepContext['emulator']) {
	return emulator.requests.filter(
		(request) => request.method === 'POST' && request.path === '/users' && (request.body as { id?: string } | undefined)?.id === USER_ID && request.status === 200,
	);
}
