/**
 * n8n's credential modal, opened from a node's NDV: fill the fields, Save (n8n tests the
 * credential on save), Retry (n8n's test button), and read the test's verdict.
 */
import { delay } from '../../lib/n8nCli';
import { byTestId, type Ui } from '../lib/ui';
import { NDV, parameter } from './ndv';

/** n8n's modal root (`${name}-modal`, name editCredential): header with Save and close, and the form. */
export const CREDENTIAL_MODAL = byTestId('editCredential-modal');
const TEST_SUCCESS_TEXT = 'Connection tested successfully';
const TEST_FAILURE_TEXT = 'Couldn’t connect with these settings';
const SAVE_ATTEMPTS = 3;
const SAVE_REQUEST_WAIT_MS = 3_000;

export class CredentialModal {
	/** What n8n last sent to save or test the credential (keys masked), for failure messages. */
	private lastSent = '';
	private saves = 0;

	constructor(private readonly ui: Ui) {
		ui.page.on('request', (request) => {
			if (!request.url().includes('/rest/credentials') || request.method() === 'GET') return;
			if (!request.url().includes('/rest/credentials/test')) this.saves++;
			const body = request.postData() ?? '';
			this.lastSent = `${request.method()} ${new URL(request.url()).pathname}: ${body.replace(/"apiKey":"[^"]*"/g, '"apiKey":"(masked)"').slice(0, 400)}`;
		});
	}

	/** From an NDV whose node has no credential yet: "Connect to ..." opens a new credential. */
	async openNewFromNdv(): Promise<void> {
		await this.ui.click(`${byTestId('node-credentials-empty-state')} button, ${byTestId('node-credentials-empty-state')}`, 'the Connect button of the NDV', {
			within: NDV,
		});
		await this.ui.visible(CREDENTIAL_MODAL, 'the credential modal');
	}

	/** From an NDV with a credential selected: the pencil beside it. */
	async openSelectedFromNdv(): Promise<void> {
		await this.ui.click(`${byTestId('credential-edit-button')} svg`, 'the edit (pencil) button of the credential', { within: NDV });
		await this.ui.visible(CREDENTIAL_MODAL, 'the credential modal');
	}

	/**
	 * Pastes into a field, as users enter keys and URLs. (Typed key by key into an empty field,
	 * n8n 2.41's credential form keeps only the first character: its first change re-renders the
	 * form, and the save and the test would then send 'h' as the Base URL.)
	 */
	async fill(field: string, value: string): Promise<void> {
		await this.ui.pasteInto(`${parameter(field)} input`, value, `the credential's ${field} field`, { within: CREDENTIAL_MODAL });
	}

	/**
	 * Clicks Save and waits until n8n sends the credential. A click that lands while the form
	 * re-renders after its last field was left is lost (no request follows): click again, at
	 * most SAVE_ATTEMPTS times, as a user whose click did nothing would.
	 */
	async save(): Promise<void> {
		const button = `${CREDENTIAL_MODAL} ${byTestId('credential-save-button')} button`;
		for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
			const before = this.saves;
			await this.ui.click(button, 'the credential Save button');
			const deadline = Date.now() + SAVE_REQUEST_WAIT_MS;
			while (Date.now() < deadline) {
				if (this.saves > before) return;
				await delay(100);
			}
		}
		throw new Error(`the credential Save button: ${SAVE_ATTEMPTS} clicks, and n8n sent nothing to save the credential`);
	}

	/** n8n closes the modal after a save whose test passed. */
	async waitClosed(what: string): Promise<void> {
		try {
			await this.ui.until(what, (css: string) => ![...document.querySelectorAll(css)].some((element) => element.checkVisibility()), [CREDENTIAL_MODAL]);
		} catch (error) {
			throw new Error(`${(error as Error).message}; n8n last sent ${this.lastSent || 'nothing'}`);
		}
	}

	async waitTestSucceeded(): Promise<void> {
		await this.ui.visibleWithText('span', { text: TEST_SUCCESS_TEXT }, `'${TEST_SUCCESS_TEXT}' in the credential modal`, { within: CREDENTIAL_MODAL });
	}

	/** The failed test's banner, expanded ("More details"): returns the whole banner text. */
	async waitTestFailedDetails(): Promise<string> {
		await this.ui.visibleWithText('span', { text: TEST_FAILURE_TEXT }, `'${TEST_FAILURE_TEXT}' in the credential modal`, { within: CREDENTIAL_MODAL });
		if (await this.ui.isVisible(`${CREDENTIAL_MODAL} [class*="moreDetails"]`)) {
			await this.ui.click('[class*="moreDetails"]', "the banner's More details link", { within: CREDENTIAL_MODAL });
		}
		return this.ui.textOf(CREDENTIAL_MODAL);
	}

	/** The banner's Retry button: n8n's "test this credential again". */
	async pressTest(): Promise<void> {
		await this.ui.click('button[title="Retry credential test"]', 'the credential test (Retry) button', { within: CREDENTIAL_MODAL });
	}

	async close(): Promise<void> {
		await this.ui.click('.el-dialog__headerbtn, .el-dialog__close', 'the credential modal close button', { within: CREDENTIAL_MODAL });
		await this.waitClosed('the credential modal to close');
	}
}
