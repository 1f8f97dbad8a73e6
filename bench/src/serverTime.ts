/**
 * How long the emulator itself works on each request, beyond its configured latency.
 * The floor "pages × latency" assumes the server answers in exactly the latency; the
 * emulator sorts the whole collection on every list page, which a real API would count in
 * its latency. Measured here, in the process hosting the emulator, so the report can say
 * how much of a miss is the emulator's and how much the node's.
 */
import http from 'node:http';

export interface ServerTiming {
	method: string;
	path: string;
	/** ms from the request's arrival to the end of the response, latency included. */
	totalMs: number;
}

const ARRIVED = Symbol('benchArrivedAt');
const timings: ServerTiming[] = [];
let installed = false;

export function recordServerTimings(): void {
	if (installed) return;
	installed = true;
	const originalEmit = http.Server.prototype.emit;
	http.Server.prototype.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
		if (event === 'request') (args[0] as Record<symbol, number>)[ARRIVED] = performance.now();
		return (originalEmit as (this: http.Server, ...a: unknown[]) => boolean).call(this, event, ...args);
	} as typeof originalEmit;
	const originalEnd = http.ServerResponse.prototype.end;
	http.ServerResponse.prototype.end = function end(this: http.ServerResponse, ...args: unknown[]) {
		const request = this.req as (http.IncomingMessage & Record<symbol, number>) | undefined;
		const arrivedAt = request?.[ARRIVED];
		if (request && arrivedAt !== undefined) {
			timings.push({ method: request.method ?? '', path: (request.url ?? '').split('?')[0], totalMs: performance.now() - arrivedAt });
		}
		return (originalEnd as (...a: unknown[]) => http.ServerResponse).apply(this, args);
	} as typeof originalEnd;
}

/** Takes (and forgets) the timings recorded since the last call. */
export function takeServerTimings(): ServerTiming[] {
	return timings.splice(0, timings.length);
}
