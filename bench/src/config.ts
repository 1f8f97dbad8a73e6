/** Command-line options of `npm run bench` and the variants they select. */
import type { UpsertVariantId } from './protocol';

export interface BenchConfig {
	quick: boolean;
	/** User upserts per variant. */
	count: number;
	/** Rate limits (requests/s, burst equal) each upsert variant runs against. */
	rates: number[];
	latencyMs: number;
	/** Users listed by the Get Many run. */
	listUsers: number;
	/** Items per CPU-overhead repetition, and how many measured repetitions. */
	cpuCount: number;
	cpuRepetitions: number;
	/** A variant stops after timeoutFactor × N / rate seconds (at least minTimeoutMs). */
	timeoutFactor: number;
	minTimeoutMs: number;
	/** Run only scenarios whose id contains one of these (e.g. `userflow`, `@20`, `getMany`). */
	only: string[];
	/** Where results.md / chart.svg / results.json go. */
	outDir: string;
}

export const UPSERT_VARIANTS: Array<{ id: UpsertVariantId; number: string; label: string; short: string }> = [
	{ id: 'userflow-default', number: '1', label: 'Userflow node, defaults', short: 'Userflow node, defaults' },
	{ id: 'userflow-max-rate', number: '2', label: 'Userflow node, Max Requests per Second = the limit', short: 'Userflow node, max rate = limit' },
	{ id: 'http-default', number: '3', label: 'HTTP Request node, defaults', short: 'HTTP Request, defaults' },
	{ id: 'http-batching', number: '4', label: 'HTTP Request node, Batching: 1 item per batch, interval 1000/limit ms', short: 'HTTP Request, Batching 1 item/batch' },
	{ id: 'http-retry', number: '5', label: 'HTTP Request node, Retry On Fail (defaults: 3 tries, 1 s apart)', short: 'HTTP Request, Retry On Fail 3 × 1 s' },
	{ id: 'http-retry-max', number: '5b', label: 'HTTP Request node, Retry On Fail at its maximum (5 tries, 5 s apart)', short: 'HTTP Request, Retry On Fail 5 × 5 s' },
	{ id: 'axios-sequential', number: '6', label: 'Sequential axios script, exponential backoff on 429', short: 'axios script, sequential + backoff' },
];

export function parseArgs(argv: string[], outDir: string): BenchConfig {
	const quick = argv.includes('--quick');
	const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
	const config: BenchConfig = {
		quick,
		count: quick ? 200 : 2000,
		rates: [20, 100],
		latencyMs: 30,
		listUsers: quick ? 2000 : 20_000,
		cpuCount: quick ? 300 : 2000,
		cpuRepetitions: quick ? 2 : 5,
		timeoutFactor: 2.5,
		// 90 s: the sequential script needs about 3.2 × the floor at 100/s (64 s) to finish.
		minTimeoutMs: quick ? 30_000 : 90_000,
		only: [],
		outDir,
	};
	if (value('n')) config.count = Number(value('n'));
	if (value('rates')) config.rates = value('rates')!.split(',').map(Number);
	if (value('timeout-factor')) config.timeoutFactor = Number(value('timeout-factor'));
	if (value('only')) config.only = value('only')!.split(',');
	if (value('out')) config.outDir = value('out')!;
	return config;
}

export function selected(config: BenchConfig, scenarioId: string): boolean {
	return config.only.length === 0 || config.only.some((part) => scenarioId.includes(part));
}
