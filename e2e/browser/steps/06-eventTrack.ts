/**
 * Step 6: Event > Track with the event name picked from the suggestions (Userflow's event
 * definitions), for an existing user. Execute step; Userflow stored exactly that event.
 */
import assert from 'node:assert/strict';
import { addUserflowStep, openNewWorkflow } from '../editor/canvas';
import { enterId } from '../editor/resourceLocator';
import { pickSuggestion } from '../editor/suggestions';
import { SEEDED } from '../fixtures';
import type { BrowserStep } from '../lib/stepRunner';
import type { StepContext } from './context';

const USER_ID = SEEDED.users[3];

export const eventTrackStep: BrowserStep<StepContext> = {
	id: '06-event-track',
	title: 'Event > Track: the event name picked from the suggestions; Userflow stored the event',
	async run({ ui, ndv, n8nUrl, emulator, panelShot }) {
		await openNewWorkflow(ui, n8nUrl);
		await addUserflowStep(ui, 'Track an event', 'action');
		await pickSuggestion(ui, 'eventName', SEEDED.eventName);
		await enterId(ui, 'userId', USER_ID);
		await ndv.assertNoParameterIssues('the filled Event > Track form');

		const eventsBefore = emulator.store.events.length;
		const items = await ndv.executeOk('Execute step on Event > Track');
		await panelShot('event-track');
		const tracked = emulator.store.events.slice(eventsBefore);
		assert.deepEqual(
			tracked.map((event) => ({ name: event.name, user_id: event.user_id })),
			[{ name: SEEDED.eventName, user_id: USER_ID }],
			'Userflow stored exactly one event, with the picked name, for the user',
		);
		assert.equal(items.length, 1, 'Track outputs one item');
	},
};
