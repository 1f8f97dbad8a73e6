/**
 * The "Define Below" attribute rows (an n8n fixed collection with multiple values): add a row,
 * name its attribute by picking a known name or typing a new one, set its value.
 *
 * How a name is typed depends on the control the node gives the Name field; typeNewName() is
 * the one place to adapt when that control changes.
 */
import { byTestId, type Ui } from '../lib/ui';
import { NDV, parameter } from './ndv';
import { ResourceLocator } from './resourceLocator';

const NAME_SHOWN_WAIT_MS = 5_000;

export class AttributeRows {
	constructor(
		private readonly ui: Ui,
		/** The fixed collection's parameter name: attributes, groupAttributes, membershipAttributes. */
		private readonly collection = 'attributes',
	) {}

	private get root(): string {
		return `${NDV} ${byTestId(`fixed-collection-${this.collection}`)}`;
	}

	private async rowCount(): Promise<number> {
		return this.ui.page.evaluate(
			(css: string) => [...document.querySelectorAll(css)].filter((element) => element.checkVisibility()).length,
			`${this.root} ${parameter('name')}`,
		);
	}

	/** Clicks "Add Attribute" and returns the new row's index. */
	async add(): Promise<number> {
		const before = await this.rowCount();
		await this.ui.click(`${this.root} ${byTestId('fixed-collection-add')}`, `Add Attribute (${this.collection})`);
		await this.ui.nthVisible(`${this.root} ${parameter('name')}`, before, `the new attribute row of ${this.collection}`);
		return before;
	}

	/**
	 * Picks a name Userflow knows from the row's Name field: its list (a resource locator,
	 * node version 2) or its dropdown (version 1).
	 */
	async pickExistingName(row: number, name: string): Promise<void> {
		const locator = await this.nameLocator(row);
		if (await locator.isLocator()) {
			await locator.pickFromList(name);
		} else {
			await this.ui.pickFromDropdown(
				async () => (await this.ui.nthVisible(`${this.root} ${parameter('name')}`, row, `the Name field of row ${row + 1}`)).click(),
				{ text: name, exact: false, anyLine: true },
				`'${name}' among the known attribute names`,
			);
		}
		await this.expectName(row, name);
	}

	/**
	 * Types a name Userflow does not know yet into the row's Name field, without an expression:
	 * By Name on a locator. (Version 1's dropdown offers only known names: issue 10, item 2.)
	 */
	async typeNewName(row: number, name: string): Promise<void> {
		const locator = await this.nameLocator(row);
		if (await locator.isLocator()) {
			await locator.selectMode('By Name');
			await locator.typeValue(name);
		} else {
			const field = await this.ui.nthVisible(`${this.root} ${parameter('name')}`, row, `the Name field of row ${row + 1}`);
			await field.click();
			await this.ui.page.keyboard.type(name, { delay: 150 });
			await this.ui.page.keyboard.press('Enter');
			// Leave the field: what it holds now is what was kept, not the text still being typed.
			await this.ui.page.keyboard.press('Tab');
		}
		await this.expectName(row, name, 'a typed new attribute name is kept (issue 10, item 2: the Name field offers only known names)');
	}

	/** The row's Name field as a locator, found by marking the row's element for this lookup. */
	private async nameLocator(row: number): Promise<ResourceLocator> {
		const field = await this.ui.nthVisible(`${this.root} ${parameter('name')}`, row, `the Name field of row ${row + 1}`);
		const mark = `${this.collection}-${row}`;
		await field.evaluate((element, value) => element.setAttribute('data-e2e-row', value), mark);
		return new ResourceLocator(this.ui, 'name', `[data-e2e-row="${mark}"]`);
	}

	async setValue(row: number, value: string): Promise<void> {
		const input = await this.ui.nthVisible(`${this.root} ${parameter('value')} input`, row, `the Value field of row ${row + 1}`);
		await input.click();
		await this.ui.typeText(input, value);
	}

	/** What the row's Type field shows (e.g. "String"); '' when the row has no Type field. */
	async shownType(row: number): Promise<string> {
		return this.ui.page.evaluate(
			(css: string, at: number) => {
				const inputs = [...document.querySelectorAll(css)].filter((element) => element.checkVisibility()) as HTMLInputElement[];
				return inputs[at]?.value.trim() ?? '';
			},
			`${this.root} ${parameter('type')} input`,
			row,
		);
	}

	private async expectName(row: number, name: string, what = `row ${row + 1} to show the attribute name '${name}'`): Promise<void> {
		// What was just picked or typed shows at once; a field that lost it will not show it later.
		await this.ui.until(
			what,
			(css: string, at: number, wanted: string) => {
				const fields = [...document.querySelectorAll(css)].filter((element) => element.checkVisibility());
				const shown = [...(fields[at]?.querySelectorAll('input') ?? [])].map((input) => input.value.trim().toLowerCase());
				return shown.some((value) => value === wanted.toLowerCase() || value.startsWith(`${wanted.toLowerCase()} `));
			},
			[`${this.root} ${parameter('name')}`, row, name],
			NAME_SHOWN_WAIT_MS,
		);
	}
}
