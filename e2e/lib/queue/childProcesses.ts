/** Stopping a service the scenario started: SIGTERM, a bounded wait, then SIGKILL. */
import type { ChildProcess } from 'node:child_process';

export interface StoppableChild {
	child: ChildProcess;
	name: string;
}

export async function stopChild({ child }: StoppableChild, graceMs = 10_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	let timer: NodeJS.Timeout | undefined;
	const killed = new Promise<void>((resolve) => {
		timer = setTimeout(() => {
			child.kill('SIGKILL');
			resolve();
		}, graceMs);
	});
	await Promise.race([exited, killed]);
	clearTimeout(timer);
	await exited;
}
