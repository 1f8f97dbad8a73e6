/**
 * Picking a value from the suggestions a parameter offers, whichever control offers them: a
 * resource locator's list, or a dropdown. A plain text field offers none, and says so.
 */
import type { Ui } from '../lib/ui';
import { NDV, parameter } from './ndv';
import { ResourceLocator } from './resourceLocator';

export async function pickSuggestion(ui: Ui, name: string, value: string): Promise<void> {
	const locator = new ResourceLocator(ui, name);
	if (await locator.isLocator()) return locator.pickFromList(value);
	const root = `${NDV} ${parameter(name)}`;
	if (!(await ui.isVisible(`${root} .el-select`))) {
		throw new Error(`${name} offers no suggestions to pick '${value}' from: it is a plain text field (issue 10: Event Name suggestions)`);
	}
	await ui.pickFromDropdown(
		() => ui.click(`${root} .el-select`, `the ${name} dropdown`),
		{ text: value, exact: false, anyLine: true },
		`'${value}' among the suggestions of ${name}`,
	);
}
