/** Everything one bench run measured, as written to results.json and rendered to markdown/SVG. */
import type { ListMetrics, UpsertMetrics } from './analyse';
import type { CpuOutcome, GetManyOutcome, RateSample, UpsertVariantId } from './protocol';
import type { SkipRow } from './skipUnchanged/results';

export interface UpsertRow {
	scenarioId: string;
	variant: UpsertVariantId;
	number: string;
	label: string;
	rate: number;
	count: number;
	/** N / rate, in ms: the physical floor. */
	floorMs: number;
	/** success: every item came back; error: the run (or script) failed; dnf: stopped at the time bound. */
	status: 'success' | 'error' | 'dnf' | 'crashed';
	wallMs: number;
	/** Items without a success output item (n8n) or not written (script); undefined when stopped. */
	failed?: number;
	message?: string;
	metrics: UpsertMetrics;
	gateRates: RateSample[];
}

export interface GetManyRow {
	users: number;
	latencyMs: number;
	rate: number;
	status: 'success' | 'error' | 'dnf' | 'crashed';
	message?: string;
	outcome?: GetManyOutcome;
	metrics: ListMetrics;
	/** pages × latency, in ms. */
	floorMs: number;
	/** Time the emulator spent on the list requests beyond its latency (sorting, JSON), summed. */
	emulatorWorkMs?: number;
}

export interface CpuRow {
	node: 'userflow' | 'httpRequest';
	status: 'success' | 'crashed' | 'dnf';
	message?: string;
	outcome?: CpuOutcome;
	medianMicrosPerItem?: number;
}

export interface MachineInfo {
	date: string;
	cpu: string;
	cores: number;
	memoryGiB: number;
	os: string;
	node: string;
	versions: Record<string, string>;
	gitCommit: string;
	durationMs?: number;
	command: string;
}

export interface BenchResults {
	machine: MachineInfo;
	config: { quick: boolean; count: number; rates: number[]; latencyMs: number; listUsers: number; cpuCount: number; cpuRepetitions: number };
	upserts: UpsertRow[];
	getMany?: GetManyRow;
	cpu: CpuRow[];
	/** Skip Unchanged cases (issue 12). */
	skipUnchanged?: SkipRow[];
}
