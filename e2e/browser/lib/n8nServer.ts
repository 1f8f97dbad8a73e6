/**
 * `n8n start` of n8n 2.x with the packed package installed as a community package (the same
 * user-folder code as the CLI suite), ready for a browser: plain-http cookies, no
 * personalization survey, and an owner account created through n8n's REST API, as n8n's own
 * browser tests do. Signing in is left to the browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { delay, N8nCli, tail, type N8nInstall } from '../../lib/n8nCli';
import { freePort } from '../../lib/ports';
import { createUserFolder, type UserFolder } from '../../lib/userFolder';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** Not a secret: a throwaway account in a throwaway user folder. Meets n8n's password rules. */
export const OWNER: Owner = {
	email: 'owner@example.com',
	password: 'BrowserSuite1',
	firstName: 'Ada',
	lastName: 'Owner',
};

export interface RunningN8n {
	url: string;
	folder: UserFolder;
	logFile: string;
	stop(): Promise<void>;
}

export async function startN8n(install: N8nInstall, tarball: string): Promise<RunningN8n> {
	const folder = createUserFolder(tarball, `browser-${install.label}`);
	const port = await freePort();
	// n8n 2.x also listens for its task runners, on 5679 unless told otherwise: another n8n
	// running on the machine (a parallel suite) would make this one exit.
	const brokerPort = await freePort();
	const n8n = new N8nCli(
		{
			...install,
			extraEnv: {
				...install.extraEnv,
				// The browser signs in over plain http on 127.0.0.1.
				N8N_SECURE_COOKIE: 'false',
				N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			},
		},
		folder.root,
		port,
	);
	const logFile = join(folder.root, 'n8n-start.log');
	await n8n.start(logFile);
	const url = `http://127.0.0.1:${port}`;
	try {
		await setUpOwner(url, OWNER);
	} catch (error) {
		await n8n.stop();
		(error as Error).message += `\nthe end of n8n's log (${logFile}):\n${tail(readFileSync(logFile, 'utf8'), 15)}`;
		throw error;
	}
	return { url, folder, logFile, stop: () => n8n.stop() };
}

async function setUpOwner(url: string, owner: Owner): Promise<void> {
	// /healthz answers before the REST routes exist, and until then n8n serves the editor's
	// index.html (status 200) for every path: wait for the settings JSON first.
	await waitForRestApi(url);
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(owner),
		signal: AbortSignal.timeout(30_000),
	});
	const text = await response.text();
	const created = parseJson(text) as { data?: { isOwner?: boolean } } | undefined;
	if (!response.ok || created?.data?.isOwner !== true) {
		throw new Error(`POST /rest/owner/setup answered ${response.status}: ${text.slice(0, 500)}`);
	}
}

async function waitForRestApi(url: string): Promise<void> {
	const deadline = Date.now() + 60_000;
	let last = '';
	while (Date.now() < deadline) {
		try {
			const response = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(10_000) });
			const text = await response.text();
			if (response.ok && parseJson(text) !== undefined) return;
			last = `${response.status} ${text.slice(0, 100)}`;
		} catch (error) {
			last = (error as Error).message;
		}
		await delay(500);
	}
	throw new Error(`n8n's REST API (/rest/settings) did not answer JSON within 60 s; last answer: ${last}`);
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
