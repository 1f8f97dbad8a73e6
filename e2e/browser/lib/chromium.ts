/**
 * Headless Chromium from Debian's `chromium` package, driven by puppeteer-core (which never
 * downloads a browser). Each run gets a fresh profile, so nothing a previous run stored
 * (cookies, local storage, n8n's "seen" flags) changes what the editor shows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Wide enough for n8n's NDV to show input, parameters and output side by side. */
export const VIEWPORT = { width: 1440, height: 900 };

export interface LaunchedBrowser {
	browser: Browser;
	close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
	const profile = mkdtempSync(join(tmpdir(), 'e2e-chromium-'));
	const browser = await puppeteer.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		defaultViewport: VIEWPORT,
		// Bounds every CDP call, so a hung browser fails the step instead of the whole CI run.
		protocolTimeout: 60_000,
		args: [
			'--no-sandbox', // CI runs as root; Chromium's sandbox refuses root
			'--disable-dev-shm-usage', // /dev/shm is small in containers
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			`--user-data-dir=${profile}`,
			`--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
		],
	});
	return {
		browser,
		async close() {
			await browser.close().catch(() => undefined);
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
