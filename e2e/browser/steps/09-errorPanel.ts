/**
 * Step 9 (issue 10, "Confusing today", second bullet): how the package's errors look in n8n's
 * error panel. User > Get, By ID:
 * - an ID the package refuses before sending (a leading space, idRule.ts): an operation error
 *   naming the field, "Nothing was sent to Userflow", without n8n's API-error framing
 *   ("From Userflow", "Error code"), and the emulator got no request for it;
 * - an unknown user: Userflow's 404 in the package's words, with n8n's "From Userflow" details
 *   showing "Error code 404", as for any API error, and no API key anywhere.
 */
import assert from 'node:assert/strict';
import { addUserflowStep, openNewWorkflow } from '../editor/canvas';
import { readErrorPanel, type ErrorPanel } from '../editor/errorPanel';
import { ResourceLocator } from '../editor/resourceLocator';
import type { BrowserStep } from '../lib/stepRunner';
import type { StepContext } from './context';

/** Refused by the ID rule: IDs are sent exactly as given, never trimmed. */
const REFUSED_ID = ' u_1';
const MISSING_ID = 'u_missing';
/** The package's texts (validation/invalidInput.ts, transport/errorMessages.ts). */
const REFUSED_MESSAGE = `User: '${REFUSED_ID}' has spaces at the start or end`;
const NOTHING_SENT = 'Nothing was sent to Userflow for this item.';
const MISSING_MESSAGE = `User '${MISSING_ID}' does not exist in this Userflow environment`;
const MISSING_DESCRIPTION = 'API keys only see their own environment';
/** n8n's framing of an API error (NodeErrorView.vue: "From {node}", "Error code"). */
const API_FRAMING = ['From Userflow', 'Error code'];

export const errorPanelStep: BrowserStep<StepContext> = {
	id: '09-error-panel',
	title: "the error panel: a refused ID says nothing was sent (no API framing); Userflow's 404 shows its status",
	async run({ ui, ndv, n8nUrl, emulator, shot }) {
		await openNewWorkflow(ui, n8nUrl);
		await addUserflowStep(ui, 'Get a user', 'action');
		const user = new ResourceLocator(ui, 'userId');

		await user.typeId(REFUSED_ID);
		await ndv.assertNoParameterIssues(`Get with the ID '${REFUSED_ID}' (n8n accepts it; the package refuses it at run time)`);
		const requestsBefore = emulator.requests.length;
		const refused = await ndv.execute();
		assert.equal(refused.ok, false, `Execute step with the ID '${REFUSED_ID}' fails`);
		const local = await readErrorPanel(ui);
		await ui.dismissToasts();
		await shot('error-panel-1-refused-id');
		assert.ok(local.message.startsWith(REFUSED_MESSAGE), `the panel's message names the field and the problem: '${REFUSED_MESSAGE}...' (shows '${local.message}')`);
		assert.equal(local.description, NOTHING_SENT, 'the panel says nothing was sent');
		assert.ok(!local.blocks.some((block) => block.startsWith('From ')), `a local check shows no "From <node>" block (${describe(local)})`);
		for (const framing of API_FRAMING) {
			assert.ok(!local.panelText.includes(framing), `a local check is not framed as an API error: the panel shows '${framing}' (${describe(local)})`);
		}
		// Nothing at all: the run sends no other request, and a refused ID must not become one.
		const sent = emulator.requests.slice(requestsBefore).map((request) => `${request.method} ${request.path}`);
		assert.deepEqual(sent, [], 'the emulator received no request during the run with the refused ID');

		await user.typeValue(MISSING_ID);
		const lookupsBefore = emulator.requests.length;
		const missing = await ndv.execute();
		assert.equal(missing.ok, false, `Execute step for the unknown user '${MISSING_ID}' fails`);
		const api = await readErrorPanel(ui);
		await ui.dismissToasts();
		await shot('error-panel-2-not-found');
		assert.equal(api.message, MISSING_MESSAGE, "the panel shows Userflow's 404 in the package's words");
		assert.ok(api.description.includes(MISSING_DESCRIPTION), `the description says what to check (shows '${api.description}')`);
		assert.ok(api.blocks.includes('From Userflow'), `n8n shows its "From Userflow" block, as for any API error (${describe(api)})`);
		assert.match(api.fromNode, /Error code\s*404\b/, `the details show the HTTP status as n8n's "Error code" (${describe(api)})`);
		assert.ok(
			emulator.requests.slice(lookupsBefore).some((request) => request.method === 'GET' && request.path === `/users/${MISSING_ID}` && request.status === 404),
			`the emulator answered GET /users/${MISSING_ID} with 404`,
		);
		const pageText = await ui.page.evaluate(() => document.body.innerText);
		assert.ok(!pageText.includes(emulator.apiKey) && !/Bearer /i.test(api.panelText), 'no API key appears in the error panel or the page');
	},
};

const describe = (panel: ErrorPanel) => `blocks: ${panel.blocks.join(', ') || 'none'}; panel: ${panel.panelText.slice(0, 400)}`;
