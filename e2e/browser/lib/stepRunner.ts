/**
 * Runs the browser steps one after another. A step fails when its body throws, when the page
 * raised an error during it, or when a request of the package's own failed during it. A failed
 * step leaves its screenshot, HTML and console log in the artifacts folder, and the next step
 * still runs (each starts from a new workflow).
 *
 * The known-failures list (../knownFailures.ts) turns exactly the failures it names into
 * loudly printed KNOWN FAILURES; anything else fails the suite, and so does a listed failure
 * that no longer happens (the list must then shrink).
 */
import type { Page } from 'puppeteer-core';
import type { Artifacts } from './artifacts';
import type { KnownFailures } from './knownFailureMatcher';
import type { FailedRequestEvent, PageWatch } from './pageWatch';

export interface BrowserStep<Context> {
	/** Short, stable, used in file names and the known-failures list: "04-switch-get-and-upsert". */
	id: string;
	title: string;
	run(context: Context): Promise<void>;
}

type Outcome = 'PASS' | 'FAIL' | 'KNOWN FAILURE' | 'FIXED (remove from the known-failures list)';

interface StepResult {
	id: string;
	title: string;
	outcome: Outcome;
	seconds: number;
	detail?: string;
}

export class StepRunner {
	private readonly results: StepResult[] = [];
	private readonly toleratedRequests: FailedRequestEvent[] = [];

	constructor(
		private readonly page: Page,
		private readonly watch: PageWatch,
		private readonly artifacts: Artifacts,
		private readonly known: KnownFailures,
	) {}

	async run<Context>(step: BrowserStep<Context>, context: Context): Promise<void> {
		const started = Date.now();
		console.log(`[browser] ${step.id}: ${step.title} ...`);
		this.watch.enterStep(step.id);
		const problems: string[] = [];
		try {
			await step.run(context);
		} catch (error) {
			problems.push((error as Error).stack ?? String(error));
		}
		for (const event of this.watch.pageErrorsOf(step.id)) problems.push(`page error: ${event.message}`);
		for (const event of this.watch.failedRequestsOf(step.id)) {
			if (this.known.toleratesRequest(event)) this.toleratedRequests.push(event);
			else problems.push(`failed request of the package's own: ${event.method} ${event.url} -> ${event.status || ''} ${event.detail}`);
		}

		const failed = problems.length > 0;
		const knownStep = this.known.stepFailure(step.id);
		let outcome: Outcome = failed ? 'FAIL' : 'PASS';
		if (knownStep && failed && problems.every((problem) => knownStep.symptom.test(problem))) outcome = 'KNOWN FAILURE';
		if (knownStep && !failed) outcome = 'FIXED (remove from the known-failures list)';

		let detail = problems.join('\n');
		if (failed) {
			const files = await this.artifacts.failureDump(this.page, step.id, this.watch.consoleOf(step.id));
			detail += `\n(artifacts: ${files.join(', ')})`;
		}
		if (outcome === 'KNOWN FAILURE') detail = `because ${knownStep?.because}\n${detail}`;
		this.record({ id: step.id, title: step.title, outcome, seconds: (Date.now() - started) / 1000, detail: detail || undefined });
	}

	/** Known request failures that never happened: the fix landed and the entry must go. */
	private unusedRequestEntries(): string[] {
		return this.known.requestEntries().filter((entry) => !this.toleratedRequests.some((event) => entry.matches(event))).map((entry) => entry.because);
	}

	get failed(): boolean {
		const bad = this.results.some((result) => result.outcome === 'FAIL' || result.outcome.startsWith('FIXED'));
		return bad || (this.known.enabled && this.unusedRequestEntries().length > 0);
	}

	summary(): string {
		const lines = this.results.map((result) => `  ${result.outcome.padEnd(13)} ${result.id} (${result.seconds.toFixed(1)} s)`);
		const known = this.results.filter((result) => result.outcome === 'KNOWN FAILURE');
		const out = ['[browser] summary:', ...lines];
		if (this.toleratedRequests.length > 0 || known.length > 0) {
			out.push('', '!!!!!!!!!! KNOWN FAILURES (e2e/browser/knownFailures.ts; temporary, until issue 10 lands) !!!!!!!!!!');
			for (const result of known) out.push(`  step ${result.id}: ${result.detail?.split('\n')[0]}`);
			for (const event of dedupe(this.toleratedRequests)) out.push(`  request ${event.method} ${event.url} -> ${event.status} (${this.known.requestReason(event)})`);
			out.push('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
		}
		const unused = this.known.enabled ? this.unusedRequestEntries() : [];
		for (const because of unused) out.push(`  FIXED (remove from the known-failures list): no request failed for: ${because}`);
		for (const event of this.watch.ignoredRequests.slice(0, 3)) {
			out.push(`  (not the package's: ${event.method} ${event.url} -> ${event.status || event.detail}; an off-origin lookup by n8n)`);
		}
		return out.join('\n');
	}

	private record(result: StepResult): void {
		this.results.push(result);
		console.log(`[browser] ${result.id}: ${result.outcome} (${result.seconds.toFixed(1)} s)`);
		if (result.detail) console.log(result.detail.replace(/^/gm, '    '));
	}
}

function dedupe(events: FailedRequestEvent[]): FailedRequestEvent[] {
	const seen = new Set<string>();
	return events.filter((event) => {
		const key = `${event.method} ${event.url} ${event.status}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
