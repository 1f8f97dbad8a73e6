/**
 * Several processes on one API key, in one process: each "worker" has its own RateGate (as
 * separate n8n workers would: nothing shared but the emulator's answers), all upserting
 * users through pacedRequest against the emulator's per-key token bucket.
 *
 * Reports, per gate implementation and scenario: accepted/s over the limit for the whole
 * run, the 429 share, and after the first worker stops, how long the remaining one takes
 * to reach 85 % of the limit (1 s trailing window). Timings are real (the emulator's bucket
 * is wall-clock), so compare implementations within one run, as ratios.
 *
 *   npx ts-node --transpile-only bench/shared-key/gates.ts [--baseline=path/to/rateGate.ts]
 *
 * --baseline loads another RateGate (e.g. `git show main:nodes/.../rateGate.ts > /tmp/x.ts`,
 * copied next to this file so its `n8n-workflow` import resolves) and runs it side by side.
 */
import * as path from 'node:path';

import { startEmulator, type UserflowEmulator } from '../../emulator';
import { pacedRequest } from '../../nodes/Userflow/shared/transport/pacedRequest';
import { RateGate } from '../../nodes/Userflow/shared/transport/rateGate';

const LIMIT = Number(process.env.LIMIT ?? 30);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 30);
const UPTAKE_SHARE = 0.85;

type GateClass = new () => RateGate;

interface Scenario {
	name: string;
	/** Items per worker; workers start together. */
	items: number[];
}

const SCENARIOS: Scenario[] = [
	{ name: '2 workers x 300', items: [300, 300] },
	{ name: '4 workers x 150', items: [150, 150, 150, 150] },
	{ name: 'uptake: 90 + 600', items: [90, 600] },
];

async function upsert(emulator: UserflowEmulator, id: string, timeoutMs: number): Promise<void> {
	const response = await fetch(`${emulator.baseUrl}/users`, {
		method: 'POST',
		headers: {
			Authorization: `Bearer ${emulator.apiKey}`,
			'Content-Type': 'application/json',
			'Userflow-Version': '2020-01-03',
		},
		body: JSON.stringify({ id, attributes: {} }),
		signal: AbortSignal.timeout(timeoutMs),
	});
	if (!response.ok) {
		throw Object.assign(new Error(`HTTP ${response.status}`), {
			response: { status: response.status, headers: {}, data: await response.json() },
		});
	}
}

interface Result {
	acceptedOverLimit: number;
	share429: number;
	wallOverFloor: number;
	failures: number;
	/** Seconds from the first worker's last acceptance to the rest reaching UPTAKE_SHARE. */
	uptakeS?: number;
	/** Accepted/s over the limit in the 5 s after the first worker stopped. */
	afterStopOverLimit?: number;
}

async function run(Gate: GateClass, scenario: Scenario): Promise<Result> {
	const emulator = await startEmulator({ rateLimit: { perSecond: LIMIT }, latencyMs: LATENCY_MS });
	try {
		const limits = { maxRetries: 50, maxWaitMs: 300_000 };
		const finishedAt: number[] = [];
		let failures = 0;
		const started = Date.now();
		await Promise.all(
			scenario.items.map(async (count, worker) => {
				const gate = new Gate();
				await Promise.all(
					Array.from({ length: count }, async (_, i) => {
						await pacedRequest(async (timeoutMs) => await upsert(emulator, `w${worker}_${i}`, timeoutMs), {
							gate,
							mode: 'idempotent',
							limits,
						}).catch(() => failures++);
					}),
				);
				finishedAt[worker] = Date.now();
			}),
		);
		const wallMs = Date.now() - started;
		const total = scenario.items.reduce((a, b) => a + b, 0);
		const requests = emulator.requests;
		const rejected = requests.filter((r) => r.status === 429).length;
		const acceptedTimes = requests.filter((r) => r.status === 200).map((r) => r.at);
		const result: Result = {
			acceptedOverLimit: total / (wallMs / 1000) / LIMIT,
			share429: rejected / requests.length,
			// The bucket starts full: LIMIT requests are free, the rest pays the limit.
			wallOverFloor: wallMs / (((total - LIMIT) / LIMIT) * 1000),
			failures,
		};
		if (scenario.name.startsWith('uptake')) {
			const stop = Math.min(...finishedAt);
			const after = acceptedTimes.filter((t) => t > stop).sort((a, b) => a - b);
			const reach = after.find((t, i) => {
				const inLastSecond = after.slice(0, i + 1).filter((u) => u > t - 1000 && u >= stop + 1000 * 0).length;
				return t - stop >= 1000 && inLastSecond >= UPTAKE_SHARE * LIMIT;
			});
			result.uptakeS = reach === undefined ? Number.NaN : (reach - stop) / 1000 - 1;
			result.afterStopOverLimit = after.filter((t) => t <= stop + 5000).length / 5 / LIMIT;
		}
		return result;
	} finally {
		await emulator.close();
	}
}

function fmt(n: number | undefined, digits = 2): string {
	return n === undefined ? '-' : Number.isNaN(n) ? 'never' : n.toFixed(digits);
}

async function main(): Promise<void> {
	const baselineArg = process.argv.find((a) => a.startsWith('--baseline='));
	const variants: Array<[string, GateClass]> = [['current', RateGate as GateClass]];
	if (baselineArg) {
		const mod = (await import(path.resolve(baselineArg.slice('--baseline='.length)))) as { RateGate: GateClass };
		variants.unshift(['baseline', mod.RateGate]);
	}
	console.log(`limit ${LIMIT}/s, latency ${LATENCY_MS} ms`);
	console.log('scenario | gate | accepted/limit | 429 share | wall/floor | uptake s | 5 s after stop /limit | failures');
	for (const scenario of SCENARIOS) {
		for (const [name, Gate] of variants) {
			const r = await run(Gate, scenario);
			console.log(
				`${scenario.name} | ${name} | ${fmt(r.acceptedOverLimit)} | ${fmt(r.share429 * 100, 1)} % | ${fmt(r.wallOverFloor)} | ${fmt(r.uptakeS, 1)} | ${fmt(r.afterStopOverLimit)} | ${r.failures}`,
			);
		}
	}
}

void main();
