/**
 * Matches what failed against the known-failures list (../knownFailures.ts). Turned off with
 * E2E_BROWSER_KNOWN_FAILURES=off, to see the suite as it will be once the list is empty.
 */
import type { FailedRequestEvent } from './pageWatch';

export interface KnownStepFailure {
	step: string;
	/** Why, naming the issue item and who fixes it. */
	because: string;
	/** Every problem the step reports must match this; any other failure stays a failure. */
	symptom: RegExp;
}

export interface KnownRequestFailure {
	because: string;
	url: RegExp;
	status: number;
}

export class KnownFailures {
	constructor(
		readonly enabled: boolean,
		private readonly steps: KnownStepFailure[],
		private readonly requests: KnownRequestFailure[],
	) {}

	stepFailure(step: string): KnownStepFailure | undefined {
		return this.enabled ? this.steps.find((entry) => entry.step === step) : undefined;
	}

	toleratesRequest(event: FailedRequestEvent): boolean {
		return this.enabled && this.requests.some((entry) => matches(entry, event));
	}

	requestReason(event: FailedRequestEvent): string {
		return this.requests.find((entry) => matches(entry, event))?.because ?? '';
	}

	requestEntries(): Array<{ because: string; matches: (event: FailedRequestEvent) => boolean }> {
		return this.requests.map((entry) => ({ because: entry.because, matches: (event) => matches(entry, event) }));
	}
}

const matches = (entry: KnownRequestFailure, event: FailedRequestEvent) => entry.status === event.status && entry.url.test(event.url);
