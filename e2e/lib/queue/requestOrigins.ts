/**
 * Tags every request the emulator receives with the n8n process that sent it ("main",
 * "worker-1", ...), at the moment it arrives (see socketOwners.ts).
 */
import type { RecordedRequest, UserflowEmulator } from '../../../emulator';
import { SocketOwners } from './socketOwners';

export const UNKNOWN_ORIGIN = 'unknown';

export class RequestOrigins {
	private readonly origins = new WeakMap<RecordedRequest, string>();

	constructor(emulator: UserflowEmulator, processes: () => Map<number, string>) {
		const owners = new SocketOwners(Number(new URL(emulator.baseUrl).port), processes);
		emulator.onRequest((request) => this.origins.set(request, owners.ownerOf(request.remotePort) ?? UNKNOWN_ORIGIN));
	}

	of(request: RecordedRequest): string {
		return this.origins.get(request) ?? UNKNOWN_ORIGIN;
	}
}
