import { delay } from './n8nCli';

/**
 * Waits until `condition` holds, checking every half second, for at most `timeoutMs`.
 * `what` may be a function, to describe the state at the moment of the timeout.
 */
export async function waitUntil(
	condition: () => boolean | Promise<boolean>,
	what: string | (() => string),
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${typeof what === 'string' ? what : what()}`);
		}
		await delay(500);
	}
}
