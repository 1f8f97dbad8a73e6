/**
 * Small local HTTP servers for the tests that need something other than the emulator: a
 * server that records whether anything reached it (where a redirect points), one that never
 * answers, one that answers from a script, a forward proxy, and HTTPS with a self-signed
 * certificate.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';

export interface Received {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface LocalServer {
	url: string;
	port: number;
	received: Received[];
	close(): Promise<void>;
}

/** Starts `server` on a free port of 127.0.0.1; closing it drops the connections still open. */
async function listening(server: net.Server, received: Received[], scheme: 'http' | 'https' = 'http'): Promise<LocalServer> {
	const open = new Set<net.Socket>();
	server.on('connection', (socket: net.Socket) => {
		open.add(socket);
		socket.on('close', () => open.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `${scheme}://127.0.0.1:${port}`,
		port,
		received,
		close: async () => {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const socket of open) socket.destroy();
			await closed;
		},
	};
}

type Script = (request: Received) => { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

async function serve(script: Script): Promise<LocalServer> {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
			received.push(request);
			const answer = script(request);
			if (answer === 'hang') return;
			res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
			// A string body is sent as it is (an HTML page, say); anything else as JSON.
			res.end(answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
		});
	});
	return await listening(server, received);
}

/** Answers 200 `{}` to everything and records what arrived. */
export const recordingServer = async () => await serve(() => ({ status: 200, body: { object: 'list', data: [], has_more: false } }));

/** Accepts every request and never answers. */
export const hangingServer = async () => await serve(() => 'hang');

/** Answers from a script. */
export const scriptedServer = async (script: Script) => await serve(script);

/** A forward proxy for http:// targets: records each request, then passes it on. */
export async function forwardProxy(): Promise<LocalServer> {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			received.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: body.toString('utf8') });
			const target = new URL(req.url ?? '/');
			const upstream = http.request(
				{ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers },
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			upstream.on('error', () => res.destroy());
			upstream.end(body);
		});
	});
	return await listening(server, received);
}

/**
 * HTTPS in front of `targetPort` with a self-signed certificate (test/fixtures/tls, valid
 * until 2126): what a company's TLS-inspecting gateway or a self-hosted stand-in looks like
 * to n8n. Bytes are passed through unchanged; `received` has one entry per connection
 * opened, whether or not the client went on after seeing the certificate.
 */
export async function selfSignedTlsFront(targetPort: number): Promise<LocalServer> {
	const fixtures = join(__dirname, '..', '..', 'fixtures', 'tls');
	const received: Received[] = [];
	const server = tls.createServer(
		{ key: readFileSync(join(fixtures, 'self-signed.key')), cert: readFileSync(join(fixtures, 'self-signed.crt')) },
		(secure) => {
			const upstream = net.connect(targetPort, '127.0.0.1');
			// Either side closing ends the other: the client's raw socket is dropped on close().
			secure.on('close', () => upstream.destroy());
			upstream.on('close', () => secure.destroy());
			for (const socket of [secure, upstream]) socket.on('error', () => socket.destroy());
			secure.pipe(upstream).pipe(secure);
		},
	);
	server.on('connection', () => received.push({ method: 'CONNECT', url: `127.0.0.1:${targetPort}`, headers: {}, body: '' }));
	return await listening(server, received, 'https');
}
