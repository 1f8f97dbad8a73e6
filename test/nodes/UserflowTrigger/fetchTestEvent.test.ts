import { NodeOperationError, type INodeParameters } from 'n8n-workflow';

import { at, cursorOf, useKit } from './pollTestKit';

const kit = useKit();

/** What n8n's editor shows when "Fetch Test Event" fails: the error's message and description. */
async function fetchTestEventError(parameters: INodeParameters) {
	const poller = kit.poller(parameters);
	const failure = await kit.poll(poller, 'manual').then(
		() => undefined,
		(error: unknown) => error,
	);
	expect(cursorOf(poller)).toBeUndefined();
	expect(failure).toBeInstanceOf(NodeOperationError);
	const { message, description } = failure as NodeOperationError;
	return { message, description };
}

describe('Userflow Trigger: "Fetch Test Event" with nothing to show', () => {
	it('says no user exists yet and what to do, instead of a bare "No trigger output"', async () => {
		const { message, description } = await fetchTestEventError({ event: 'newUser' });
		expect(message).toBe('No user found in Userflow');
		expect(description).toMatch(/^Fetch Test Event shows the newest user, and found none\. Create a user/);
		expect(description).toContain('The published workflow is not affected');
	});

	it('names the content filter and how far it looked', async () => {
		kit.emulator.store.addUser('u1', {}, at(0));
		kit.emulator.store.addContent({ id: 'flow1', type: 'flow', name: 'Welcome tour', createdAt: at(0) });
		kit.emulator.store.addContentSession({ id: 's1', content_id: 'flow1', user_id: 'u1', createdAt: at(1) });
		const completed = await fetchTestEventError({
			event: 'completedContentSession',
			limitTo: 'content',
			contentId: { __rl: true, mode: 'id', value: 'flow1' },
			options: { maxPagesPerPoll: 2 },
		});
		expect(completed.message).toBe("No completed content session of the content 'flow1' found in Userflow");
		expect(completed.description).toContain('among the newest 200 records Userflow lists (Options → Max Pages per Poll)');
		expect(completed.description).toContain('Complete that content as a user');

		const checklists = await fetchTestEventError({ event: 'newContentSession', limitTo: 'contentType', contentType: 'checklist' });
		expect(checklists.message).toBe('No started content session of a checklist found in Userflow');
		expect(checklists.description).toContain('Start a checklist as a user');
	});

	it('still returns the newest match when there is one', async () => {
		kit.emulator.store.addGroup('g1', { name: 'Acme' }, at(0));
		const poller = kit.poller({ event: 'newGroup', simplify: true });
		expect((await kit.poll(poller, 'manual')).items).toEqual([{ id: 'g1', name: 'Acme', created_at: '2024-03-01T10:00:00.000+00:00' }]);
	});
});
