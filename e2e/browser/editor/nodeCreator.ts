/**
 * n8n's node creator (the panel that opens on "Add first step" or a "+"): search, the list of
 * nodes, a node's Triggers and Actions, and picking one (which opens its NDV).
 */
import { byTestId, type Ui } from '../lib/ui';

export const NODE_CREATOR = byTestId('node-creator');
const SEARCH_BAR = byTestId('node-creator-search-bar');
const ITEM = `${NODE_CREATOR} ${byTestId('item-iterator-item')}`;
const CATEGORY = `${NODE_CREATOR} ${byTestId('node-creator-category-item')}`;
/** Bounds the scrolling through a long list (a node with 19 actions needs two or three). */
const MAX_SCROLLS = 20;

export class NodeCreator {
	constructor(private readonly ui: Ui) {}

	/** Types into the search bar as a user does, then waits until an item named `expectItem` is listed. */
	async search(text: string, expectItem: string): Promise<void> {
		const bar = await this.ui.visible(SEARCH_BAR, 'the node creator search bar');
		await bar.type(text);
		await this.ui.visibleWithText(ITEM, { text: expectItem }, `'${expectItem}' in the node creator after typing '${text}'`);
	}

	/**
	 * The first line of every item, node names or a node's triggers and actions. n8n renders a
	 * long list as the user scrolls it, so this scrolls to the end, as a user reading it would.
	 */
	async itemNames(): Promise<string[]> {
		const names: string[] = [];
		for (let scrolls = 0; scrolls < MAX_SCROLLS; scrolls++) {
			const shown = await this.ui.page.$$eval(ITEM, (items) => {
				const visible = items.filter((item) => item.checkVisibility());
				visible[visible.length - 1]?.scrollIntoView({ block: 'end' });
				return visible.map((item) => (item as HTMLElement).innerText.split('\n')[0].trim());
			});
			const added = shown.filter((name) => !names.includes(name));
			if (added.length === 0 && scrolls > 0) break;
			names.push(...added);
		}
		return names;
	}

	async openItem(name: string): Promise<void> {
		await this.ui.clickWithText(ITEM, { text: name }, `'${name}' in the node creator`);
	}

	/** A node's sections, e.g. ["Triggers (4)", "Actions (19)"]. */
	async categories(): Promise<string[]> {
		await this.ui.visible(CATEGORY, "the node's Triggers/Actions sections");
		return this.ui.page.$$eval(CATEGORY, (items) =>
			items.filter((item) => item.checkVisibility()).map((item) => (item as HTMLElement).innerText.split('\n')[0].trim()),
		);
	}

	/** Opens a collapsed section ("Actions (19)") by clicking its header. */
	async expandCategory(prefix: string): Promise<void> {
		const header = await this.ui.visibleWithText(CATEGORY, { text: prefix, exact: false }, `the '${prefix}' section`);
		const collapsed = await header.evaluate((element) => element.parentElement?.getAttribute('data-category-collapsed') === 'true');
		if (collapsed) await header.click();
		await this.ui.until(
			`the '${prefix}' section to open`,
			(css: string, wanted: string) =>
				[...document.querySelectorAll(css)].some(
					(element) => (element as HTMLElement).innerText.startsWith(wanted) && element.parentElement?.getAttribute('data-category-collapsed') === 'false',
				),
			[CATEGORY, prefix],
		);
	}
}
