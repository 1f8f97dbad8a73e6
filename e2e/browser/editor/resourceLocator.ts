/**
 * n8n's resource locator (a mode selector such as "From list" / "By ID" beside one input), and
 * ID parameters that are either a locator or a plain text field.
 */
import { byTestId, type Ui } from '../lib/ui';
import { NDV, parameter } from './ndv';

const MODE_SELECTOR = byTestId('rlc-mode-selector');
const LOCATOR_INPUT = byTestId('rlc-input');
const LIST_ITEM = byTestId('rlc-item');

export class ResourceLocator {
	constructor(
		private readonly ui: Ui,
		readonly name: string,
		/** Where the parameter is; by default the NDV's only parameter of that name. */
		private readonly root = `${NDV} ${parameter(name)}`,
	) {}

	/** Whether this parameter is a resource locator at all (it has a mode selector). */
	async isLocator(): Promise<boolean> {
		return this.ui.isVisible(`${this.root} ${MODE_SELECTOR}`);
	}

	/** The mode the selector shows ('' when it shows only its "Mode..." placeholder). */
	async shownMode(): Promise<string> {
		return this.ui.page.evaluate((css: string) => {
			const input = document.querySelector(css) as HTMLInputElement | null;
			return input?.value.trim() ?? '';
		}, `${this.root} ${MODE_SELECTOR} input`);
	}

	/** The value the locator's input shows. */
	async shownValue(): Promise<string> {
		return this.ui.page.evaluate((css: string) => {
			const input = [...document.querySelectorAll(css)].find((element) => element.checkVisibility()) as HTMLInputElement | undefined;
			return input?.value.trim() ?? '';
		}, `${this.root} ${LOCATOR_INPUT} input, ${this.root} input${LOCATOR_INPUT}`);
	}

	async selectMode(mode: string): Promise<void> {
		await this.ui.pickFromDropdown(
			() => this.ui.click(`${this.root} ${MODE_SELECTOR}`, `the mode selector of ${this.name}`),
			{ text: mode },
			`mode '${mode}' of ${this.name}`,
		);
		await this.ui.until(
			`the mode selector of ${this.name} to show '${mode}'`,
			(css: string, wanted: string) => (document.querySelector(css) as HTMLInputElement | null)?.value.trim().toLowerCase() === wanted.toLowerCase(),
			[`${this.root} ${MODE_SELECTOR} input`, mode],
		);
	}

	/** From list: opens the list (n8n calls the node's listSearch) and clicks the entry showing `item`. */
	async pickFromList(item: string): Promise<void> {
		await this.selectMode('From list');
		await this.ui.click(`${this.root} ${LOCATOR_INPUT}`, `the list of ${this.name}`);
		await this.ui.clickWithText(LIST_ITEM, { text: item, exact: false, anyLine: true }, `'${item}' in the list of ${this.name}`);
		await this.ui.until(
			`${this.name} to show '${item}' after picking it`,
			(css: string) => [...document.querySelectorAll(css)].some((input) => (input as HTMLInputElement).value.trim() !== ''),
			[`${this.root} input`],
		);
	}

	/** By ID: types the ID into the locator's input. */
	async typeId(id: string): Promise<void> {
		await this.selectMode('By ID');
		await this.typeValue(id);
	}

	/** Types into the locator's input in its current mode (By ID, By Name). */
	async typeValue(value: string): Promise<void> {
		await this.ui.typeInto(`${this.root} ${LOCATOR_INPUT} input, ${this.root} input${LOCATOR_INPUT}`, value, `the value of ${this.name}`);
	}
}

/** Enters an ID the way the field asks for it: By ID on a locator, typed into a plain text field. */
export async function enterId(ui: Ui, name: string, id: string): Promise<void> {
	const locator = new ResourceLocator(ui, name);
	if (await locator.isLocator()) await locator.typeId(id);
	else await ui.typeInto(`${parameter(name)} input`, id, `the ${name} field`, { within: NDV });
}

/** What an ID parameter shows, locator or text field: its value and (locators only) its mode. */
export async function shownId(ui: Ui, name: string): Promise<{ value: string; mode?: string }> {
	const locator = new ResourceLocator(ui, name);
	if (await locator.isLocator()) return { value: await locator.shownValue(), mode: await locator.shownMode() };
	const value = await ui.page.evaluate((css: string) => (document.querySelector(css) as HTMLInputElement | null)?.value ?? '', `${NDV} ${parameter(name)} input`);
	return { value: value.trim() };
}
