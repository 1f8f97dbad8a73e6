/**
 * n8n's node details view (NDV): the parameters form, Execute step / Fetch Test Event, and the
 * output panel. Test ids are n8n's own (packages/frontend/editor-ui; the same ones n8n's
 * Playwright page objects use), checked against n8n 2.41.1's built editor.
 */
import { byTestId, type Ui } from '../lib/ui';

export const NDV = byTestId('ndv');
const OUTPUT_PANEL = byTestId('output-panel');
/** n8n's red parameter-issue marker (ParameterIssues.vue), shown beside a parameter n8n considers wrong. */
const PARAMETER_ISSUES = byTestId('parameter-issues');
/** What the output panel shows once a run ended (success) or failed. */
const RUN_SUCCESS_ID = 'node-run-status-success';
const RUN_ERROR_IDS = ['node-error-message', 'node-error-description'];
/** Long enough for a request layer that paces and retries; short enough to fail a hung run quickly. */
const RUN_TIMEOUT_MS = 60_000;

export const parameter = (name: string) => byTestId(`parameter-input-${name}`);

export interface RunOutcome {
	ok: boolean;
	/** The output items as JSON (success), or n8n's error message and description (failure). */
	items: unknown[];
	error?: string;
}

export class Ndv {
	constructor(private readonly ui: Ui) {}

	async waitOpen(what: string): Promise<void> {
		await this.ui.visible(NDV, what);
	}

	/** The node's name in the NDV header (n8n renames new nodes after their action). */
	async title(): Promise<string> {
		return (await this.ui.textOf(`${NDV} ${byTestId('node-title-container')}`)).trim();
	}

	/** Opens an options parameter (a dropdown) and picks the entry whose first line is `option`. */
	async selectOption(name: string, option: string): Promise<void> {
		await this.ui.pickFromDropdown(
			() => this.ui.click(parameter(name), `the ${name} dropdown`, { within: NDV }),
			{ text: option },
			`'${option}' in the ${name} dropdown`,
		);
		await this.ui.until(
			`${name} to show '${option}'`,
			(css: string, wanted: string) => {
				const input = [...document.querySelectorAll(`${css} input`)].find((element) => element.checkVisibility()) as HTMLInputElement | undefined;
				return input?.value.trim().toLowerCase() === wanted.toLowerCase();
			},
			[`${NDV} ${parameter(name)}`, option],
		);
	}

	/** Types into a plain text parameter, replacing what it holds. */
	async fill(name: string, text: string): Promise<void> {
		await this.ui.typeInto(`${parameter(name)} input, ${parameter(name)} textarea`, text, `the ${name} field`, { within: NDV });
	}

	/** The text a parameter shows: an input's value, or a dropdown's selected label. */
	async shownValue(name: string): Promise<string> {
		return this.ui.page.evaluate((css: string) => {
			const inputs = [...document.querySelectorAll(`${css} input`)].filter((element) => element.checkVisibility()) as HTMLInputElement[];
			return inputs.map((input) => input.value).join(' ').trim();
		}, `${NDV} ${parameter(name)}`);
	}

	async isShown(name: string): Promise<boolean> {
		return this.ui.isVisible(`${NDV} ${parameter(name)}`);
	}

	/**
	 * Fails when n8n marks any visible parameter with its red issue marker: a correctly filled
	 * form has none. The message names each marked parameter and n8n's own issue text.
	 */
	async assertNoParameterIssues(context: string): Promise<void> {
		const marked = await this.ui.page.evaluate((ndv: string, issues: string) => {
			const root = document.querySelector(ndv);
			if (!root) return [];
			return [...root.querySelectorAll(issues)]
				.filter((marker) => marker.checkVisibility())
				.map((marker) => {
					const item = marker.closest('[data-test-id="parameter-item"], .parameter-item, [data-test-id="node-credentials-slot"]');
					const label = item?.querySelector('label')?.textContent?.trim() ?? '(unlabelled parameter)';
					const input = item?.querySelector('input') as HTMLInputElement | null;
					return `${label}${input ? ` = '${input.value}'` : ''}`;
				});
		}, NDV, PARAMETER_ISSUES);
		if (marked.length === 0) return;
		const texts: string[] = [];
		for (const marker of await this.ui.page.$$(`${NDV} ${PARAMETER_ISSUES}`)) {
			if (!(await marker.evaluate((element) => element.checkVisibility()))) continue;
			await marker.hover();
			// The marker's tooltip (n8n's TitledList "Issues: ...") appears on hover.
			texts.push((await this.ui.textOf('.n8n-tooltip .titled-list, .titled-list')).replace(/\s+/g, ' ').trim());
		}
		throw new Error(
			`${context}: n8n marks ${marked.length} parameter(s) with a red issue: ${marked.join('; ')}` +
				(texts.length ? ` (n8n says: ${texts.filter(Boolean).join(' | ')})` : ''),
		);
	}

	/** Clicks Execute step (or Fetch Test Event on a trigger) and waits until the run ended. */
	async execute(expectedButtonText?: string): Promise<RunOutcome> {
		const button = `${NDV} ${byTestId('node-execute-button')}`;
		if (expectedButtonText) {
			await this.ui.visibleWithText(button, { text: expectedButtonText }, `the '${expectedButtonText}' button`);
		}
		await this.watchForRunEnd();
		await this.ui.click(button, 'the execute button of the NDV');
		const ended = await this.ui.until(
			'the run to end (success or error in the output panel)',
			(executing: string) => {
				const seen = (window as unknown as { __e2eRunEnded?: string }).__e2eRunEnded;
				const stillRunning = [...document.querySelectorAll(executing)].some((element) => element.checkVisibility());
				return seen && !stillRunning ? seen : null;
			},
			[byTestId('ndv-executing')],
			RUN_TIMEOUT_MS,
		);
		if (ended !== RUN_SUCCESS_ID) {
			const message = await this.ui.textOf(`${OUTPUT_PANEL} ${byTestId('node-error-message')}`);
			const description = await this.ui.textOf(`${OUTPUT_PANEL} ${byTestId('node-error-description')}`);
			return { ok: false, items: [], error: [message, description].filter(Boolean).join(' — ') || '(no error text shown)' };
		}
		return { ok: true, items: await this.outputJson() };
	}

	/** Like execute(), but a failed run throws with n8n's error text. */
	async executeOk(what: string, expectedButtonText?: string): Promise<unknown[]> {
		const outcome = await this.execute(expectedButtonText);
		if (!outcome.ok) throw new Error(`${what}: the run failed in the editor: ${outcome.error}`);
		return outcome.items;
	}

	/** The output panel's items, read from its JSON view as a user reads them. */
	async outputJson(): Promise<unknown[]> {
		await this.ui.click(`${OUTPUT_PANEL} ${byTestId('radio-button-json')}`, 'the JSON view of the output panel');
		const container = `${OUTPUT_PANEL} ${byTestId('ndv-data-container')}`;
		// The view renders a long output in pieces: wait until what it shows is whole JSON.
		try {
			const text = await this.ui.until(
				'the output panel to show its items as JSON',
				(css: string) => {
					const element = [...document.querySelectorAll(css)].find((candidate) => candidate.checkVisibility()) as HTMLElement | undefined;
					// The view indents with non-breaking spaces, which JSON does not allow between tokens.
					const shown = (element?.innerText ?? '').replace(/\u00a0/g, ' ').trim();
					(window as unknown as { __e2eLastJson?: string }).__e2eLastJson = shown;
					try {
						return Array.isArray(JSON.parse(shown)) ? shown : null;
					} catch {
						return null;
					}
				},
				[container],
			);
			return JSON.parse(text) as unknown[];
		} catch (error) {
			const lastShown = await this.ui.page.evaluate(() => (window as unknown as { __e2eLastJson?: string }).__e2eLastJson ?? '');
			throw new Error(`${(error as Error).message}; it shows: ${lastShown.slice(0, 500)}`);
		}
	}

	async close(): Promise<void> {
		await this.ui.click(byTestId('ndv-close-button'), 'the NDV close button');
		await this.ui.until('the NDV to close', (css: string) => ![...document.querySelectorAll(css)].some((e) => e.checkVisibility()), [NDV]);
	}

	/**
	 * Remembers, in the page, the first run-end marker the output panel adds after this call:
	 * a marker still on screen from an earlier run must not count as this run's result.
	 */
	private async watchForRunEnd(): Promise<void> {
		await this.ui.page.evaluate(
			(panel: string, success: string, errors: string[]) => {
				const state = window as unknown as { __e2eRunEnded?: string; __e2eRunObserver?: MutationObserver };
				state.__e2eRunObserver?.disconnect();
				state.__e2eRunEnded = undefined;
				const ids = [success, ...errors];
				const observer = new MutationObserver((mutations) => {
					for (const mutation of mutations) {
						for (const node of mutation.addedNodes) {
							if (!(node instanceof Element)) continue;
							const found = [node, ...node.querySelectorAll('[data-test-id]')]
								.map((element) => element.getAttribute('data-test-id') ?? '')
								.find((id) => ids.includes(id));
							if (found && !state.__e2eRunEnded) state.__e2eRunEnded = found;
						}
					}
				});
				observer.observe(document.querySelector(panel) ?? document.body, { childList: true, subtree: true });
				state.__e2eRunObserver = observer;
			},
			OUTPUT_PANEL,
			RUN_SUCCESS_ID,
			RUN_ERROR_IDS,
		);
	}
}
