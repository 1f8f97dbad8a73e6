/** Named steps with their outcome and duration, printed as they finish and summed up at the end. */

interface StepResult {
	name: string;
	ok: boolean;
	seconds: number;
	error?: string;
}

export class Report {
	private readonly results: StepResult[] = [];

	constructor(private readonly label: string) {}

	/** Runs one step; a failure is recorded (not thrown) so the other steps still run. */
	async step(name: string, body: () => Promise<void>): Promise<boolean> {
		const started = Date.now();
		console.log(`[e2e ${this.label}] ${name} ...`);
		try {
			await body();
			this.record({ name, ok: true, seconds: elapsed(started) });
			return true;
		} catch (error) {
			this.record({ name, ok: false, seconds: elapsed(started), error: (error as Error).stack ?? String(error) });
			return false;
		}
	}

	get failed(): boolean {
		return this.results.some((result) => !result.ok);
	}

	summary(): string {
		const lines = this.results.map(
			(result) => `  ${result.ok ? 'PASS' : 'FAIL'}  ${result.name} (${result.seconds.toFixed(1)} s)`,
		);
		return [`[e2e ${this.label}] summary:`, ...lines].join('\n');
	}

	private record(result: StepResult): void {
		this.results.push(result);
		const status = result.ok ? 'ok' : 'FAILED';
		console.log(`[e2e ${this.label}] ${result.name}: ${status} (${result.seconds.toFixed(1)} s)`);
		if (result.error) console.log(indent(result.error));
	}
}

const elapsed = (started: number) => (Date.now() - started) / 1000;
const indent = (text: string) => text.replace(/^/gm, '    ');
