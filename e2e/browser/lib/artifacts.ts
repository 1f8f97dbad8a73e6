/**
 * The run's artifacts folder (e2e/artifacts/browser/<timestamp>/, not committed): one
 * screenshot per step, and for a failed step its screenshot, the HTML of what was open (NDV,
 * modal or page) and the console log. Panel screenshots for the README are cropped to the
 * panel, scaled down, and copied to docs/screenshots/ when asked to (E2E_BROWSER_UPDATE_DOCS=1).
 */
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';

/** Enough to read every label of n8n's NDV while keeping each committed PNG small. */
const DOCS_SCALE = 0.75;
const DOCS_MAX_BYTES = 150 * 1024;
const HTML_SNIPPET_MAX_CHARS = 300_000;

export class Artifacts {
	private count = 0;

	private constructor(
		readonly dir: string,
		private readonly docsDir: string | undefined,
	) {}

	static create(repoRoot: string, updateDocs: boolean): Artifacts {
		const stamp = new Date().toISOString().replace(/[:.]/g, '-');
		const dir = join(repoRoot, 'e2e', 'artifacts', 'browser', stamp);
		mkdirSync(dir, { recursive: true });
		const docsDir = updateDocs ? join(repoRoot, 'docs', 'screenshots') : undefined;
		if (docsDir) mkdirSync(docsDir, { recursive: true });
		return new Artifacts(dir, docsDir);
	}

	/** The whole viewport, numbered in the order taken: `03-user-upsert-attributes-output.png`. */
	async screenshot(page: Page, name: string): Promise<string> {
		const path = join(this.dir, `${String(++this.count).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path });
		return path;
	}

	/**
	 * The element `selector` alone (the credential modal), or for the NDV its parameters and
	 * output (the input panel of a first node is empty), scaled down; with
	 * E2E_BROWSER_UPDATE_DOCS=1 also written to docs/screenshots/<docsName>.png.
	 */
	async panelScreenshot(page: Page, selector: string, docsName: string): Promise<string> {
		const box = await page.$eval(selector, (element) => {
			const rect = element.getBoundingClientRect();
			const parameters = element.querySelector('[data-test-id="node-parameters"]')?.getBoundingClientRect();
			// From the parameters column's left edge (with its tabs) to the NDV's right edge.
			const left = parameters ? Math.max(rect.x, parameters.x - 16) : rect.x;
			return { x: left, y: rect.y, width: rect.right - left, height: rect.height };
		});
		const path = join(this.dir, `${String(++this.count).padStart(2, '0')}-panel-${docsName}.png`);
		await page.screenshot({ path, clip: { ...box, scale: DOCS_SCALE } });
		if (this.docsDir) {
			const size = statSync(path).size;
			if (size > DOCS_MAX_BYTES) throw new Error(`${docsName}.png is ${Math.round(size / 1024)} KB; README screenshots stay under ${DOCS_MAX_BYTES / 1024} KB`);
			copyFileSync(path, join(this.docsDir, `${docsName}.png`));
		}
		return path;
	}

	/** Screenshot, HTML of what was open, and the step's console, named after the step. */
	async failureDump(page: Page, step: string, consoleLines: string[]): Promise<string[]> {
		const written: string[] = [];
		try {
			written.push(await this.screenshot(page, `${step}-FAILED`));
		} catch (error) {
			written.push(`(no screenshot: ${(error as Error).message})`);
		}
		try {
			const html = await page.evaluate(() => {
				const open = ['[data-test-id="editCredential-modal"]', '[data-test-id="ndv"]', '[data-test-id="node-creator"]']
					.map((css) => [...document.querySelectorAll(css)].find((element) => element.checkVisibility()))
					.find(Boolean);
				return (open ?? document.body).outerHTML;
			});
			const snippet = html.replace(/<svg[\s\S]*?<\/svg>/g, '<svg/>').replace(/<style[\s\S]*?<\/style>/g, '').slice(0, HTML_SNIPPET_MAX_CHARS);
			written.push(this.write(`${step}-FAILED.html`, snippet));
		} catch (error) {
			written.push(`(no HTML: ${(error as Error).message})`);
		}
		written.push(this.write(`${step}-FAILED.console.log`, consoleLines.join('\n')));
		return written;
	}

	write(name: string, text: string): string {
		const path = join(this.dir, name);
		writeFileSync(path, text);
		return path;
	}
}
