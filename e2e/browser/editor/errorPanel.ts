/**
 * n8n's error panel in the NDV's output panel (NodeErrorView.vue): the message and description
 * at the top (test ids `node-error-message`, `node-error-description`), and, for an API error,
 * a collapsed "From <node>" block whose first row is "Error code" with the HTTP status. That
 * block has no test id in n8n 2.41.1, so its own classes are used (checked against the built
 * editor).
 */
import { byTestId, type Ui } from '../lib/ui';

const OUTPUT_PANEL = byTestId('output-panel');
/** Each collapsible block of "Error details": "From <node>" (API errors only), "Other info". */
const DETAILS = `${OUTPUT_PANEL} details.node-error-view__details`;
const SUMMARY = ':scope > .node-error-view__details-summary';

export interface ErrorPanel {
	message: string;
	description: string;
	/** The summary lines of the collapsible blocks, e.g. ['From Userflow', 'Other info']. */
	blocks: string[];
	/** The opened "From <node>" block ("Error code 404", ...), '' when n8n shows none (no HTTP code, no response). */
	fromNode: string;
	/** Everything the output panel shows, the opened "From <node>" block included. */
	panelText: string;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Reads the error panel as a user reads it, opening the "From <node>" block when n8n shows one. */
export async function readErrorPanel(ui: Ui): Promise<ErrorPanel> {
	const message = clean(await ui.textOf(`${OUTPUT_PANEL} ${byTestId('node-error-message')}`));
	const description = clean(await ui.textOf(`${OUTPUT_PANEL} ${byTestId('node-error-description')}`));
	const blocks = await ui.page.$$eval(
		DETAILS,
		(elements, summary) => elements.filter((element) => element.checkVisibility()).map((element) => (element.querySelector(summary) as HTMLElement | null)?.innerText.trim() ?? ''),
		SUMMARY,
	);
	const fromIndex = blocks.findIndex((summary) => summary.startsWith('From '));
	let fromNode = '';
	if (fromIndex >= 0) {
		const block = (await ui.page.$$(DETAILS))[fromIndex];
		if (!(await block.evaluate((element) => (element as HTMLDetailsElement).open))) {
			const summary = await block.$(SUMMARY);
			await summary?.click();
		}
		fromNode = clean(
			await ui.until(
				`the '${blocks[fromIndex]}' block of the error panel to open`,
				(css: string, at: number) => {
					const element = document.querySelectorAll(css)[at] as HTMLDetailsElement | undefined;
					return element?.open ? element.innerText : null;
				},
				[DETAILS, fromIndex],
			),
		);
	}
	return { message, description, blocks, fromNode, panelText: clean(await ui.textOf(OUTPUT_PANEL)) };
}
