/**
 * Step 1: a new workflow, "Add first step", type "Userflow": the node is listed (with its
 * trigger merged into it, as n8n does for "<Node> Trigger"), and so is every other trigger node
 * of the package; opening it shows the trigger's events and every action of the node.
 */
import assert from 'node:assert/strict';
import { openFirstStepCreator, openNewWorkflow } from '../editor/canvas';
import type { BrowserStep } from '../lib/stepRunner';
import type { StepContext } from './context';

export const nodeCreatorStep: BrowserStep<StepContext> = {
	id: '01-node-creator',
	title: 'type "Userflow" in the node creator: the node, its triggers and actions',
	async run({ ui, n8nUrl, facts, shot }) {
		await openNewWorkflow(ui, n8nUrl);
		const creator = await openFirstStepCreator(ui);
		await creator.search('Userflow', facts.actionNode);
		const listed = await creator.itemNames();
		for (const trigger of facts.otherTriggers) {
			// The node creator names a trigger node without its " Trigger" ("Userflow Webhook").
			const shown = trigger.replace(/ Trigger$/, '');
			assert.ok(listed.includes(shown), `the node creator lists '${shown}' (${trigger}) for "Userflow" (it lists: ${listed.join(', ')})`);
		}
		await shot('node-creator-search');

		await creator.openItem(facts.actionNode);
		const categories = await creator.categories();
		if (facts.mergedTrigger) {
			const expected = `Triggers (${facts.mergedTrigger.events.length})`;
			assert.ok(categories.includes(expected), `the node shows '${expected}' (it shows: ${categories.join(', ')})`);
		}
		const expectedActions = `Actions (${facts.actions.length})`;
		assert.ok(categories.includes(expectedActions), `the node shows '${expectedActions}' (it shows: ${categories.join(', ')})`);
		await creator.expandCategory('Actions');

		const entries = (await creator.itemNames()).map((name) => name.toLowerCase());
		const missingActions = facts.actions.filter((action) => !entries.includes(action.toLowerCase()));
		assert.deepEqual(missingActions, [], `every action of the node is listed (listed: ${entries.join(', ')})`);
		const missingEvents = (facts.mergedTrigger?.events ?? []).filter(
			(event) => !entries.some((entry) => entry.startsWith('on ') && entry.includes(event.toLowerCase())),
		);
		assert.deepEqual(missingEvents, [], `every trigger event is listed as "On <event>" (listed: ${entries.join(', ')})`);
		await shot('node-creator-triggers-and-actions');
	},
};
