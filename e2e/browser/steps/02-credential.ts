/**
 * Step 2: the Userflow API credential, created from a node's NDV as a new user does: API key and
 * the emulator's Base URL, Save (n8n tests it), reopen and press the test button: success. Then
 * a wrong key: n8n shows the credential's own rule message and never the key. Then the right
 * key again, for the steps after this one.
 */
import assert from 'node:assert/strict';
import { addUserflowStep, openNewWorkflow } from '../editor/canvas';
import { CREDENTIAL_MODAL, CredentialModal } from '../editor/credentialModal';
import { eventually } from '../lib/eventually';
import type { BrowserStep } from '../lib/stepRunner';
import type { StepContext } from './context';

const WRONG_KEY = 'ak_browser_suite_wrong_key';
/** The credential's 401 rule message (credentials/UserflowApi.credentials.ts). */
const REJECTED_MESSAGE = 'Userflow rejected the API key';

export const credentialStep: BrowserStep<StepContext> = {
	id: '02-credential',
	title: 'create the Userflow API credential, test it, then a wrong key',
	async run({ ui, n8nUrl, emulator, shot, panelShot }) {
		await openNewWorkflow(ui, n8nUrl);
		await addUserflowStep(ui, 'Create or update a user', 'action');
		const modal = new CredentialModal(ui);
		await modal.openNewFromNdv();
		await modal.fill('apiKey', emulator.apiKey);
		await modal.fill('baseUrl', emulator.baseUrl);
		await modal.save();
		await modal.waitClosed('the credential modal to close after a save whose test passed');

		await modal.openSelectedFromNdv();
		await modal.waitTestSucceeded(); // n8n tests a credential as it opens it
		const testsBefore = credentialTests(emulator).length;
		await modal.pressTest();
		await eventually('the test button to send a credential test to Userflow and get its answer', () => {
			const sent = credentialTests(emulator).slice(testsBefore);
			return sent.length > 0 && sent.every((request) => request.status !== 0);
		});
		await modal.waitTestSucceeded();
		const tests = credentialTests(emulator).slice(testsBefore);
		assert.ok(
			tests.every((request) => request.status === 200 && request.headers.authorization === `Bearer ${emulator.apiKey}`),
			`the test reached the emulator with the key and succeeded (statuses: ${tests.map((r) => r.status).join(', ')})`,
		);
		await panelShot('credential', CREDENTIAL_MODAL);

		await modal.fill('apiKey', WRONG_KEY);
		await modal.save();
		const banner = await modal.waitTestFailedDetails();
		assert.ok(banner.includes(REJECTED_MESSAGE), `the failed test shows the credential's message '${REJECTED_MESSAGE}...' (shows: ${banner.slice(0, 300)})`);
		const pageText = await ui.page.evaluate(() => document.body.innerText);
		assert.ok(!pageText.includes(WRONG_KEY) && !pageText.includes(emulator.apiKey), 'no API key appears in the page text');
		assert.ok(credentialTests(emulator).some((request) => request.status === 401 && request.headers.authorization === `Bearer ${WRONG_KEY}`),
			'the wrong key reached the emulator and was rejected (401)');
		await shot('credential-wrong-key');

		// The right key again, for the steps after this one; n8n keeps an existing credential's modal open.
		await modal.fill('apiKey', emulator.apiKey);
		await modal.save();
		await modal.waitTestSucceeded();
		const last = credentialTests(emulator).at(-1);
		assert.equal(last?.headers.authorization, `Bearer ${emulator.apiKey}`, 'the last credential test used the right key again');
		assert.equal(last?.status, 200, 'the last credential test succeeded');
		await modal.close();
	},
};

function credentialTests(emulator: StepContext['emulator']) {
	return emulator.requests.filter((request) => request.method === 'GET' && request.path === '/users' && request.query.limit === '1');
}
