/**
 * Clicking and typing as a user does, with every wait bounded: each helper waits for what a
 * user would wait for (an element to be visible, a text to appear) and fails with a message
 * saying what did not happen and which selector it looked for. No fixed sleeps.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

/** How long an element the user is waiting for may take to appear (n8n renders lazily). */
export const DEFAULT_WAIT_MS = 15_000;
/** A field that lost what was typed is typed into again, at most this often. */
const TYPE_ATTEMPTS = 3;
const CLICK_ATTEMPTS = 3;
const STILL_FRAMES_MAX = 30;
const QUIET_FRAMES = 5;
const TOAST_ROUNDS = 5;
const QUIET_MAX_MS = 2_000;
/**
 * A typist's pace. n8n 2.41's text parameters pass each keystroke on through a 100 ms
 * debounce (leading and trailing call); a faster burst leaves the last keys to the trailing
 * call, which is lost when the field re-renders in between (the node keeps "adm" of "admin").
 */
const TYPING_DELAY_MS = 150;
const DROPDOWN_ITEM = '.el-select-dropdown__item';
const DROPDOWN_ATTEMPTS = 3;
const DROPDOWN_WAIT_MS = 5_000;

export const byTestId = (id: string) => `[data-test-id="${id}"]`;

export interface WaitOptions {
	timeoutMs?: number;
	/** Only inside this element (a CSS selector). */
	within?: string;
}

export interface TextMatch {
	/** Compared with the element's first line of visible text, trimmed, case-insensitive. */
	text: string;
	/** When true (default), the line must equal `text`; otherwise contain it. */
	exact?: boolean;
	/** Compare every line, not only the first (n8n's options show a name, then a description). */
	anyLine?: boolean;
}

export class Ui {
	constructor(readonly page: Page) {}

	/** The first visible element matching `selector` (optionally inside `within`). */
	async visible(selector: string, what: string, options: WaitOptions = {}): Promise<ElementHandle<Element>> {
		return this.waitForElement(selector, undefined, what, options);
	}

	/** The first visible element matching `selector` whose text matches. */
	async visibleWithText(selector: string, match: TextMatch, what: string, options: WaitOptions = {}): Promise<ElementHandle<Element>> {
		return this.waitForElement(selector, match, what, options);
	}

	async click(selector: string, what: string, options: WaitOptions = {}): Promise<void> {
		await this.clickFound(() => this.visible(selector, what, options), what);
	}

	async clickWithText(selector: string, match: TextMatch, what: string, options: WaitOptions = {}): Promise<void> {
		await this.clickFound(() => this.visibleWithText(selector, match, what, options), what);
	}

	/** n8n re-renders while a dropdown opens or a panel slides in: an element found a moment ago may be gone. Find it again. */
	private async clickFound(find: () => Promise<ElementHandle<Element>>, what: string): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			const element = await find();
			try {
				await settled(element);
				await element.click();
				return;
			} catch (error) {
				const message = (error as Error).message;
				const replaced = /not clickable|detached|not an Element|no longer attached/i.test(message);
				if (!replaced || attempt >= CLICK_ATTEMPTS) throw new Error(`${what}: ${message}`);
			}
		}
	}

	/**
	 * Replaces the content of a text input the way a user does: select all, then type. n8n may
	 * re-render a field after its first keystroke (the rest would go to a detached input), so
	 * the value is read back from a fresh lookup, and typed again if it did not stick.
	 */
	async typeInto(selector: string, text: string, what: string, options: WaitOptions = {}): Promise<void> {
		const scoped = options.within ? `${options.within} ${selector}` : selector;
		let shown = '';
		for (let attempt = 1; attempt <= TYPE_ATTEMPTS; attempt++) {
			const input = await this.visible(selector, what, options);
			await this.clear(input);
			await this.typeKeys(input, text);
			try {
				await this.page.waitForFunction(
					(css: string, wanted: string) =>
						[...document.querySelectorAll(css)].some((element) => element.checkVisibility() && (element as HTMLInputElement).value === wanted),
					{ timeout: 2_000, polling: 100 },
					scoped,
					text,
				);
				// Leaving the field, as a user moving on does, hands its value to the form.
				await this.page.keyboard.press('Tab');
				return;
			} catch {
				shown = await this.page.evaluate(
					(css: string) => ([...document.querySelectorAll(css)].find((element) => element.checkVisibility()) as HTMLInputElement | undefined)?.value ?? '',
					scoped,
				);
			}
		}
		throw new Error(`${what}: typed '${text}' ${TYPE_ATTEMPTS} times but the field holds '${shown}'`);
	}

	/**
	 * Pastes `text` into a text input (one input event carrying all of it, as a paste does):
	 * select all, delete, paste, leave the field. Read back from a fresh lookup.
	 */
	async pasteInto(selector: string, text: string, what: string, options: WaitOptions = {}): Promise<void> {
		await this.clear(await this.visible(selector, what, options));
		await this.page.keyboard.sendCharacter(text);
		await this.page.keyboard.press('Tab');
		const scoped = options.within ? `${options.within} ${selector}` : selector;
		await this.until(
			`${what} to hold the pasted text`,
			(css: string, wanted: string) => [...document.querySelectorAll(css)].some((element) => element.checkVisibility() && (element as HTMLInputElement).value === wanted),
			[scoped, text],
			2_000,
		);
	}

	/** Empties a text input as a user does: click into it, select all, delete. */
	private async clear(input: ElementHandle<Element>): Promise<void> {
		await input.click({ count: 3 });
		await this.page.keyboard.down('Control');
		await this.page.keyboard.press('KeyA');
		await this.page.keyboard.up('Control');
		await this.page.keyboard.press('Backspace');
	}

	/** Types into an element at a typist's pace, then leaves it (Tab), as a user moving on does. */
	async typeText(element: ElementHandle<Element>, text: string): Promise<void> {
		await this.typeKeys(element, text);
		await this.page.keyboard.press('Tab');
	}

	/**
	 * Types at a typist's pace. The first keystroke into an empty n8n field changes the node and
	 * n8n re-renders the form: the rest waits until the page is quiet again.
	 */
	private async typeKeys(element: ElementHandle<Element>, text: string): Promise<void> {
		if (text.length === 0) return;
		await element.type(text[0], { delay: TYPING_DELAY_MS });
		await quietDom(this.page);
		if (text.length > 1) await this.page.keyboard.type(text.slice(1), { delay: TYPING_DELAY_MS });
	}

	/**
	 * Opens a dropdown (Element Plus `el-select`, as n8n's options, mode selectors and credential
	 * selects use) with `open` and clicks the entry matching. A dropdown n8n closes again while it
	 * loads its entries is opened again, at most DROPDOWN_ATTEMPTS times.
	 */
	async pickFromDropdown(open: () => Promise<void>, match: TextMatch, what: string): Promise<void> {
		let lastError: Error | undefined;
		for (let attempt = 1; attempt <= DROPDOWN_ATTEMPTS; attempt++) {
			await open();
			try {
				await this.clickWithText(DROPDOWN_ITEM, match, what, { timeoutMs: DROPDOWN_WAIT_MS });
				return;
			} catch (error) {
				lastError = error as Error;
				if (await this.isVisible(DROPDOWN_ITEM)) break; // open, but the entry is not there
			}
		}
		const offered = await this.dropdownOptions();
		throw new Error(`${lastError?.message ?? what}; the dropdown offers: ${offered.length ? offered.join(', ') : '(nothing, or it is closed)'}`);
	}

	/** The visible texts of the open dropdown's entries (first lines). */
	async dropdownOptions(): Promise<string[]> {
		return this.page.$$eval(DROPDOWN_ITEM, (items) =>
			items.filter((item) => item.checkVisibility()).map((item) => (item as HTMLElement).innerText.split('\n')[0].trim()),
		);
	}

	/** Waits until `predicate` (run in the page) returns a truthy value, and returns it. */
	async until<T, A extends unknown[]>(
		what: string,
		predicate: (...args: A) => T,
		args: A,
		timeoutMs = DEFAULT_WAIT_MS,
	): Promise<NonNullable<T>> {
		try {
			const pageFunction = predicate as unknown as (...args: unknown[]) => T;
			const handle = await this.page.waitForFunction(pageFunction, { timeout: timeoutMs, polling: 100 }, ...args);
			return (await handle.jsonValue()) as NonNullable<T>;
		} catch (error) {
			throw new Error(`${what}: did not happen within ${timeoutMs / 1000} s (${(error as Error).message.split('\n')[0]})`);
		}
	}

	/** The visible text of the first visible match, or '' when there is none. */
	async textOf(selector: string): Promise<string> {
		return this.page.evaluate((css) => {
			const element = [...document.querySelectorAll(css)].find((candidate) => candidate.checkVisibility());
			return element ? (element as HTMLElement).innerText : '';
		}, selector);
	}

	/** The n-th (from 0) visible element matching `selector`, waiting until there are that many. */
	async nthVisible(selector: string, index: number, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<ElementHandle<Element>> {
		try {
			const handle = await this.page.waitForFunction(
				(css: string, at: number) => [...document.querySelectorAll(css)].filter((element) => element.checkVisibility())[at] ?? null,
				{ timeout: timeoutMs, polling: 100 },
				selector,
				index,
			);
			return handle as ElementHandle<Element>;
		} catch (error) {
			if ((error as Error).name !== 'TimeoutError') throw error;
			throw new Error(`${what}: fewer than ${index + 1} visible ${selector} within ${timeoutMs / 1000} s`);
		}
	}

	/**
	 * Closes n8n's toasts ("Node executed successfully"), which cover the output panel's corner
	 * in screenshots. Cosmetic, so bounded and never failing: a toast that appears late stays.
	 */
	async dismissToasts(): Promise<void> {
		const toastVisible = () => this.isVisible('.el-notification');
		for (let round = 0; round < TOAST_ROUNDS && (await toastVisible()); round++) {
			for (const close of await this.page.$$('.el-notification .el-notification__closeBtn')) {
				if (await close.evaluate((element) => element.checkVisibility())) await close.click().catch(() => undefined);
			}
			await this.until('', () => ![...document.querySelectorAll('.el-notification')].some((toast) => toast.checkVisibility()), [], 1_000).catch(() => undefined);
		}
	}

	/** Scrolls the first match to the top of its scroll area, as a user scrolls to look at it. */
	async scrollToTop(selector: string): Promise<void> {
		await this.page.$eval(selector, (element) => element.scrollIntoView({ block: 'start' }));
	}

	async isVisible(selector: string): Promise<boolean> {
		return this.page.evaluate((css) => [...document.querySelectorAll(css)].some((element) => element.checkVisibility()), selector);
	}

	private async waitForElement(
		selector: string,
		match: TextMatch | undefined,
		what: string,
		{ timeoutMs = DEFAULT_WAIT_MS, within }: WaitOptions,
	): Promise<ElementHandle<Element>> {
		const describe = `${selector}${within ? ` inside ${within}` : ''}${match ? ` with text '${match.text}'` : ''}`;
		try {
			const handle = await this.page.waitForFunction(
				(css: string, scope: string | null, wanted: TextMatch | null) => {
					const roots = scope ? [...document.querySelectorAll(scope)].filter((root) => root.checkVisibility()) : [document];
					for (const root of roots) {
						for (const element of root.querySelectorAll(css)) {
							if (!element.checkVisibility()) continue;
							if (!wanted) return element;
							const lines = ((element as HTMLElement).innerText ?? element.textContent ?? '').split('\n').map((line) => line.trim().toLowerCase());
							const text = wanted.text.toLowerCase();
							const matches = (line: string) => (wanted.exact === false ? line.includes(text) : line === text);
							if (wanted.anyLine ? lines.some(matches) : matches(lines[0] ?? '')) return element;
						}
					}
					return null;
				},
				{ timeout: timeoutMs, polling: 100 },
				selector,
				within ?? null,
				match ?? null,
			);
			return handle as ElementHandle<Element>;
		} catch (error) {
			if ((error as Error).name !== 'TimeoutError') throw error;
			throw new Error(`${what}: nothing visible matched ${describe} within ${timeoutMs / 1000} s`);
		}
	}
}

/**
 * Waits until the element stops moving (bounded: STILL_FRAMES_MAX frame pairs). A dropdown
 * grows into place when it opens; a click at an entry's centre while it grows lands on the
 * entry above it.
 */
async function settled(element: ElementHandle<Element>): Promise<void> {
	await element.evaluate(async (target, maxFrames) => {
		const box = () => JSON.stringify(target.getBoundingClientRect());
		let last = box();
		for (let frame = 0; frame < maxFrames; frame++) {
			await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
			const now = box();
			if (now === last) return;
			last = now;
		}
	}, STILL_FRAMES_MAX);
}

/** Waits (bounded: QUIET_MAX_MS) until the page has made no DOM change for QUIET_FRAMES frames in a row. */
async function quietDom(page: Page): Promise<void> {
	await page.evaluate(
		async (frames, maxMs) => {
			let changes = 0;
			const observer = new MutationObserver(() => changes++);
			observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
			const started = performance.now();
			let quiet = 0;
			while (quiet < frames && performance.now() - started < maxMs) {
				const before = changes;
				await new Promise((resolve) => requestAnimationFrame(resolve));
				quiet = changes === before ? quiet + 1 : 0;
			}
			observer.disconnect();
		},
		QUIET_FRAMES,
		QUIET_MAX_MS,
	);
}
