/**
 * Step 3: User > Create or Update with one attribute Userflow already knows (picked from the
 * Name list: "seats", a number) and one it does not know yet (typed), Type left at its default.
 * Execute step, read the output panel, and check what Userflow stored: the known attribute as
 * a number (its definition's type), the new one as text.
 */
import assert from 'node:assert/strict';
import { AttributeRows } from '../editor/attributeRows';
import { addUserflowStep, openNewWorkflow } from '../editor/canvas';
import { NDV, parameter } from '../editor/ndv';
import { enterId } from '../editor/resourceLocator';
import { SEEDED } from '../fixtures';
import type { BrowserStep } from '../lib/stepRunner';
import type { StepContext } from './context';

const USER_ID = 'u_browser_upsert';
const NEW_ATTRIBUTE = { name: 'signup_channel', value: 'browser-suite' };
const KNOWN_ATTRIBUTE = { name: SEEDED.numberAttribute, value: '12', stored: 12 };

export const userUpsertAttributesStep: BrowserStep<StepContext> = {
	id: '03-user-upsert-attributes',
	title: 'User > Create or Update: one attribute picked from the list, one typed new; stored with their types',
	async run({ ui, ndv, n8nUrl, emulator, shot, panelShot }) {
		await openNewWorkflow(ui, n8nUrl);
		await addUserflowStep(ui, 'Create or update a user', 'action');
		await enterId(ui, 'userId', USER_ID);

		const rows = new AttributeRows(ui);
		const known = await rows.add();
		await rows.pickExistingName(known, KNOWN_ATTRIBUTE.name);
		await rows.setValue(known, KNOWN_ATTRIBUTE.value);
		const typed = await rows.add();
		await rows.typeNewName(typed, NEW_ATTRIBUTE.name);
		await rows.setValue(typed, NEW_ATTRIBUTE.value);
		await ndv.assertNoParameterIssues('the filled Create or Update form');
		await shot('user-upsert-filled');

		const [item] = await ndv.executeOk('Execute step on User > Create or Update');
		await ndv.assertNoParameterIssues('the form after the run');
		await ui.scrollToTop(`${NDV} ${parameter('userId')}`);
		await panelShot('user-upsert-attributes');
		assert.equal((item as { id?: string }).id, USER_ID, 'the output panel shows the upserted user');

		const stored = emulator.store.users.get(USER_ID)?.attributes;
		assert.deepEqual(
			stored,
			{ [KNOWN_ATTRIBUTE.name]: KNOWN_ATTRIBUTE.stored, [NEW_ATTRIBUTE.name]: NEW_ATTRIBUTE.value },
			`Userflow stored both attributes, '${KNOWN_ATTRIBUTE.name}' as the number its definition says (issue 10, item 3 when it is text)`,
		);
	},
};
