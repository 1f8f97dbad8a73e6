/** The targets of the bulk-sync issue, checked against one bench run. */
import type { BenchResults, UpsertRow } from '../results';

export interface TargetCheck {
	target: string;
	measured: string;
	pass: boolean;
	/** How far off, when missed (or the margin, when met). */
	margin: string;
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

function upsertChecks(row: UpsertRow): TargetCheck[] {
	const scope = `Userflow node, defaults, ${row.rate}/s`;
	const limitRatio = 1.15;
	const ratio = row.wallMs / row.floorMs;
	const finished = row.status === 'success' || row.status === 'error';
	const share429 = row.metrics.requests ? row.metrics.rateLimited / row.metrics.requests : 0;
	return [
		{
			target: `${scope}: wall time ≤ 1.15 × N / rate (${((limitRatio * row.floorMs) / 1000).toFixed(1)} s)`,
			measured: `${(row.wallMs / 1000).toFixed(1)} s = ${ratio.toFixed(3)} ×${finished ? '' : ' (stopped)'}`,
			pass: finished && ratio <= limitRatio,
			margin: `${ratio <= limitRatio ? '' : '+'}${(((ratio - limitRatio) * row.floorMs) / 1000).toFixed(1)} s vs the target`,
		},
		{
			target: `${scope}: 0 failed, 0 missing, 0 duplicated`,
			measured: `${row.failed ?? 'n/a'} failed, ${row.metrics.missing + row.metrics.storedWrong} missing, ${row.metrics.duplicated} duplicated`,
			pass: row.status === 'success' && row.failed === 0 && row.metrics.missing === 0 && row.metrics.storedWrong === 0 && row.metrics.duplicated === 0,
			margin: row.status === 'success' ? '' : row.status,
		},
		{
			target: `${scope}: 429s < 10 % of requests`,
			measured: `${row.metrics.rateLimited} of ${row.metrics.requests} = ${pct(share429)}`,
			pass: share429 < 0.1,
			margin: `${share429 < 0.1 ? '' : '+'}${((share429 - 0.1) * 100).toFixed(1)} points`,
		},
	];
}

export function checkTargets(results: BenchResults): TargetCheck[] {
	const checks: TargetCheck[] = [];
	for (const row of results.upserts.filter((entry) => entry.variant === 'userflow-default')) checks.push(...upsertChecks(row));
	const list = results.getMany;
	if (list) {
		const wallMs = list.outcome?.wallMs;
		const ratio = wallMs !== undefined ? wallMs / list.floorMs : Infinity;
		const complete = list.status === 'success' && list.outcome?.distinctIds === list.users;
		checks.push({
			target: `Get Many of ${list.users} users: wall time ≤ 1.10 × pages × latency (${((1.1 * list.floorMs) / 1000).toFixed(2)} s)`,
			measured:
				wallMs !== undefined
					? `${(wallMs / 1000).toFixed(2)} s = ${ratio.toFixed(3)} ×, ${list.metrics.pages} pages, ${list.outcome?.distinctIds} users` +
						(list.emulatorWorkMs !== undefined
							? `; without the emulator's own ${(list.emulatorWorkMs / 1000).toFixed(2)} s of list work: ${((wallMs - list.emulatorWorkMs) / list.floorMs).toFixed(3)} ×`
							: '')
					: list.status,
			pass: complete && ratio <= 1.1,
			margin: wallMs !== undefined ? `${ratio <= 1.1 ? '' : '+'}${((wallMs - 1.1 * list.floorMs) / 1000).toFixed(2)} s vs the target` : '',
		});
	}
	const ours = results.cpu.find((row) => row.node === 'userflow')?.medianMicrosPerItem;
	const theirs = results.cpu.find((row) => row.node === 'httpRequest')?.medianMicrosPerItem;
	if (ours !== undefined && theirs !== undefined) {
		checks.push({
			target: 'CPU per item (no latency, no limit) ≤ HTTP Request node\'s',
			measured: `${ours.toFixed(0)} µs vs ${theirs.toFixed(0)} µs (${(ours / theirs).toFixed(2)} ×)`,
			pass: ours <= theirs,
			margin: `${ours <= theirs ? '' : '+'}${(ours - theirs).toFixed(0)} µs per item`,
		});
	}
	return checks;
}
