import type { UserflowEmulator } from '../../../../emulator';
import { expectUserflowHeaders as expectHeaders } from '../engineHelpers';

export { runUserflow, sent, useEmulator } from '../engineHelpers';

/** Every request carried both headers, and every one was answered 200. */
export function expectUserflowHeaders(emulator: UserflowEmulator): void {
	expectHeaders(emulator);
	for (const request of emulator.requests) expect(request.status).toBe(200);
}

export const ids = (items: Array<{ id?: unknown }>): unknown[] => items.map((item) => item.id);

/** `${prefix}1` ... `${prefix}n` */
export const range = (prefix: string, from: number, to: number): string[] =>
	Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
