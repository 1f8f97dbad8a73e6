/** A local HTTP endpoint that records what the emulator delivers and answers as told. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
	path: string;
	headers: http.IncomingHttpHeaders;
	/** The exact bytes received. */
	body: string;
	json: any;
	at: number;
}

export interface WebhookReceiver {
	readonly url: string;
	readonly received: ReceivedDelivery[];
	/** Statuses to answer, in turn; the last one repeats. Default [200]. */
	answerWith(...statuses: number[]): void;
	close(): Promise<void>;
}

export async function startReceiver(path = '/hook'): Promise<WebhookReceiver> {
	const received: ReceivedDelivery[] = [];
	let statuses = [200];
	let answered = 0;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			let json: unknown;
			try {
				json = JSON.parse(body);
			} catch {
				json = undefined;
			}
			received.push({ path: req.url ?? '', headers: req.headers, body, json, at: Date.now() });
			const status = statuses[Math.min(answered++, statuses.length - 1)];
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${path}`,
		received,
		answerWith(...next: number[]) {
			statuses = next;
			answered = 0;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
