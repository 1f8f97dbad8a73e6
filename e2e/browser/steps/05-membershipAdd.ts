/**
 * Step 5: Membership > Add: a user and a group picked from their lists, a membership attribute
 * picked from the Name list. Execute step; the output panel shows what was added (the group
 * appears in it), and Userflow stored the membership with its attribute.
 */
import assert from 'node:assert/strict';
import { AttributeRows } from '../editor/attributeRows';
import { addUserflowStep, openNewWorkflow } from '../editor/canvas';
import { ResourceLocator } from '../editor/resourceLocator';
import { SEEDED } from '../fixtures';
import type { BrowserStep } from '../lib/stepRunner';
import type { StepContext } from './context';

const USER_ID = SEEDED.users[2];
const GROUP_ID = SEEDED.groups[1];
const ROLE = 'admin';

export const membershipAddStep: BrowserStep<StepContext> = {
	id: '05-membership-add',
	title: 'Membership > Add: user and group from their lists; the output shows the membership',
	async run({ ui, ndv, n8nUrl, emulator, panelShot }) {
		await openNewWorkflow(ui, n8nUrl);
		await addUserflowStep(ui, 'Add a user to a group', 'action');
		await new ResourceLocator(ui, 'userId').pickFromList(USER_ID);
		await new ResourceLocator(ui, 'groupId').pickFromList(GROUP_ID);
		const rows = new AttributeRows(ui, 'membershipAttributes');
		const row = await rows.add();
		await rows.pickExistingName(row, SEEDED.membershipAttribute);
		await rows.setValue(row, ROLE);
		await ndv.assertNoParameterIssues('the filled Membership > Add form');

		const items = await ndv.executeOk('Execute step on Membership > Add');
		await panelShot('membership-add');
		const membership = emulator.store.getMembership(USER_ID, GROUP_ID);
		assert.ok(membership, `Userflow stored the membership of ${USER_ID} in ${GROUP_ID}`);
		assert.deepEqual(membership.attributes, { [SEEDED.membershipAttribute]: ROLE }, 'the membership attribute was stored');
		assert.equal(items.length, 1, 'Add outputs one item');
		assert.ok(
			JSON.stringify(items[0]).includes(`"${GROUP_ID}"`),
			`the output shows what was added: the group ${GROUP_ID} appears in it (output: ${JSON.stringify(items[0]).slice(0, 300)}) (issue 10: Membership > Add outputs the user with memberships: null)`,
		);
	},
};
