/**
 * The one-off backfill script users write: POST one user after another with axios, and on a
 * 429 back off exponentially and retry, as the seed documentation advises ("batch requests
 * sequentially; monitor for rate-limit responses (HTTP 429) and back off before retrying").
 * Backoff: 1 s, 2 s, 4 s, ... up to 6 retries per user; other errors stop the script.
 */
import axios, { type AxiosError } from 'axios';

import type { BenchUser } from '../dataset';
import { USERFLOW_VERSION } from './httpRequestNode';

const MAX_RETRIES = 6;
const FIRST_BACKOFF_MS = 1000;

export interface ScriptResult {
	ok: number;
	failed: number;
	retries: number;
	errorMessage?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sequentialAxiosBackfill(baseUrl: string, apiKey: string, users: BenchUser[]): Promise<ScriptResult> {
	const client = axios.create({
		baseURL: baseUrl,
		headers: { Authorization: `Bearer ${apiKey}`, 'Userflow-Version': USERFLOW_VERSION, 'Content-Type': 'application/json' },
	});
	const result: ScriptResult = { ok: 0, failed: 0, retries: 0 };
	for (const user of users) {
		for (let attempt = 0; ; attempt++) {
			try {
				await client.post('/users', { id: user.id, attributes: user.attributes });
				result.ok++;
				break;
			} catch (error) {
				const status = (error as AxiosError).response?.status;
				if (status === 429 && attempt < MAX_RETRIES) {
					result.retries++;
					await sleep(FIRST_BACKOFF_MS * 2 ** attempt);
					continue;
				}
				// A script like this stops at the first error it cannot handle.
				result.failed = users.length - result.ok;
				result.errorMessage = `${user.id}: ${(error as Error).message}`;
				return result;
			}
		}
	}
	return result;
}
