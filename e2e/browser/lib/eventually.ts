/** Waits, bounded, for something outside the page (what the emulator received or stored). */
import { delay } from '../../lib/n8nCli';

export async function eventually(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`${what}: did not happen within ${timeoutMs / 1000} s`);
		await delay(100);
	}
}
