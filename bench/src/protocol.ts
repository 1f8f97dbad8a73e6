/** What the orchestrator (which hosts the emulator) and a variant's child process exchange. */
import type { SkipCase, SkipVariantId } from './skipUnchanged/cases';

export type UpsertVariantId =
	| 'userflow-default'
	| 'userflow-max-rate'
	| 'http-default'
	| 'http-batching'
	| 'http-retry'
	| 'http-retry-max'
	| 'axios-sequential';

/** Sent to the child: run this job against this emulator. */
export type ChildJob =
	| { kind: 'upsert'; variant: UpsertVariantId; baseUrl: string; apiKey: string; count: number; ratePerSecond: number }
	| { kind: 'getMany'; baseUrl: string; apiKey: string; expected: number }
	| { kind: 'cpu'; node: 'userflow' | 'httpRequest'; baseUrl: string; apiKey: string; count: number; repetitions: number }
	| { kind: 'skip'; skipCase: SkipCase; variant: SkipVariantId; baseUrl: string; apiKey: string; ratePerSecond: number };

export interface RateSample {
	/** ms since the run started */
	t: number;
	rate: number;
}

export interface UpsertOutcome {
	kind: 'upsert';
	status: 'success' | 'error';
	wallMs: number;
	/** Output items without an `error` field. */
	okItems: number;
	/** Output items carrying an error (Continue On Fail) — none with default settings. */
	errorItems: number;
	errorMessage?: string;
	/** The Userflow node's rate gate, sampled while it ran (empty for other variants). */
	gateRates: RateSample[];
	/** axios variant: retries it made. */
	retries?: number;
	/** Skip Unchanged runs: output items marked `_skipped: true`. */
	skippedItems?: number;
}

export interface GetManyOutcome {
	kind: 'getMany';
	status: 'success' | 'error';
	errorMessage?: string;
	wallMs: number;
	items: number;
	distinctIds: number;
	rssBeforeBytes: number;
	/** Highest RSS sampled during the run (every 10 ms). */
	rssPeakBytes: number;
	/** The process's max RSS as the kernel counts it (getrusage), whole life. */
	maxRssBytes: number;
	heapBeforeBytes: number;
	heapPeakBytes: number;
	/** A second Get Many right after, in the same (now warm) process: JIT compiled, sockets open, gate rate learned. */
	warmWallMs?: number;
	warmItems?: number;
}

export interface CpuOutcome {
	kind: 'cpu';
	node: 'userflow' | 'httpRequest';
	count: number;
	/** CPU µs per item (user + system) of each measured repetition, after one warm-up. */
	cpuMicrosPerItem: number[];
	wallMsPerRun: number[];
	failures: string[];
}

export type ChildOutcome = UpsertOutcome | GetManyOutcome | CpuOutcome;

export type ChildMessage =
	| { type: 'ready' }
	/** A phase of the job ends: lets the orchestrator split the emulator's log between phases. */
	| { type: 'mark' }
	| { type: 'result'; outcome: ChildOutcome }
	| { type: 'fatal'; message: string };
