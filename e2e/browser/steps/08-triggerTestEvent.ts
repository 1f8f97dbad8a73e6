/**
 * Step 8: the Userflow Trigger ("On new user") and Fetch Test Event: the output panel shows
 * the newest user, and nothing was written to Userflow.
 */
import assert from 'node:assert/strict';
import { addUserflowStep, openNewWorkflow } from '../editor/canvas';
import type { BrowserStep } from '../lib/stepRunner';
import type { StepContext } from './context';

export const triggerTestEventStep: BrowserStep<StepContext> = {
	id: '08-trigger-test-event',
	title: 'Userflow Trigger: Fetch Test Event shows the newest user',
	async run({ ui, ndv, n8nUrl, emulator, panelShot }) {
		await openNewWorkflow(ui, n8nUrl);
		await addUserflowStep(ui, 'On new user', 'trigger');
		const writesBefore = emulator.requests.filter((request) => request.method !== 'GET').length;
		const items = (await ndv.executeOk('Fetch Test Event', 'Fetch Test Event')) as Array<{ id?: string }>;
		await panelShot('trigger');
		const newest = [...emulator.store.users.values()].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.seq - a.seq)[0];
		assert.deepEqual(items.map((item) => item.id), [newest.id], 'Fetch Test Event shows the newest user, once');
		assert.equal(emulator.requests.filter((request) => request.method !== 'GET').length, writesBefore, 'Fetch Test Event writes nothing to Userflow');
	},
};
