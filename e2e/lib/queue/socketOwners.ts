/**
 * Which local process sent a request: the emulator records the client's TCP port, the kernel
 * knows which socket (inode) holds that port (`/proc/net/tcp`), and each process's open files
 * (`/proc/<pid>/fd`) name the sockets it holds. Looked up while the request is being answered,
 * so the client's socket is still open. Linux only, like the rest of the suite's machine.
 *
 * This is how the queue scenario proves where things ran: polls in the main process only,
 * backfill requests from the workers, and each worker's share of the key's limit.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

export class SocketOwners {
	/** Socket inode -> label of the process holding it, refreshed on a miss. */
	private readonly owners = new Map<string, string>();

	/** @param serverPort the emulator's port (the far end of every socket looked for) */
	constructor(
		private readonly serverPort: number,
		private readonly processes: () => Map<number, string>,
	) {}

	/** The label of the process whose socket uses `clientPort`, or undefined if none of ours. */
	ownerOf(clientPort: number | undefined): string | undefined {
		if (clientPort === undefined) return undefined;
		const inode = this.inodeOf(clientPort);
		if (inode === undefined) return undefined;
		if (!this.owners.has(inode)) this.rescan();
		return this.owners.get(inode);
	}

	private inodeOf(clientPort: number): string | undefined {
		for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
			let text: string;
			try {
				text = readFileSync(table, 'utf8');
			} catch {
				continue;
			}
			for (const line of text.split('\n').slice(1)) {
				const fields = line.trim().split(/\s+/);
				if (fields.length < 10) continue;
				if (portOf(fields[1]) === clientPort && portOf(fields[2]) === this.serverPort) return fields[9];
			}
		}
		return undefined;
	}

	private rescan(): void {
		this.owners.clear();
		for (const [pid, label] of this.processes()) {
			let fds: string[];
			try {
				fds = readdirSync(`/proc/${pid}/fd`);
			} catch {
				continue; // the process has exited
			}
			for (const fd of fds) {
				try {
					const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
					if (match) this.owners.set(match[1], label);
				} catch {
					// closed while we looked
				}
			}
		}
	}
}

/** `0100007F:1F90` (hex address:port) -> 8080 */
function portOf(address: string): number {
	return parseInt(address.slice(address.lastIndexOf(':') + 1), 16);
}
