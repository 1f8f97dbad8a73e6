import type { UpsertMetrics } from '../analyse';
import type { SkipCaseId, SkipVariantId } from './cases';

/** One Skip Unchanged case × variant × rate, as the emulator saw it. */
export interface SkipRow {
	scenarioId: string;
	caseId: SkipCaseId;
	caseLabel: string;
	variant: SkipVariantId;
	label: string;
	rate: number;
	environment: number;
	inputs: number;
	changed: number;
	/** The option's floor: (list pages it may read + changed rows) / rate. */
	floorMs: number;
	/** Sending every row at the limit: N / rate. */
	sendAllMs: number;
	status: 'success' | 'error' | 'dnf' | 'crashed';
	wallMs: number;
	failed?: number;
	/** Output items marked `_skipped: true` (the node with the option only). */
	skipped?: number;
	/**
	 * From the start of the run to the first request Userflow saw: n8n's own preparation of
	 * every item (parameters, preSend), the same with or without the option.
	 */
	firstRequestMs?: number;
	/** The machine's 1-minute load average, the higher of before and after (2 cores: above 2 means waiting for CPU). */
	loadAverage?: number;
	/** Accepted `GET /users` (the environment read) and `POST /users` (writes). */
	listPages: number;
	writes: number;
	message?: string;
	metrics: UpsertMetrics;
}
