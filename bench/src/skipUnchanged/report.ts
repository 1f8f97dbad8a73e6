/** The Skip Unchanged section of results.md and its targets (issue 12). */
import type { TargetCheck } from '../report/targets';
import type { SkipRow } from './results';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ratio = (value: number) => `${value.toFixed(2)} ×`;

function find(rows: SkipRow[], caseId: SkipRow['caseId'], variant: SkipRow['variant'], rate: number): SkipRow | undefined {
	return rows.find((row) => row.caseId === caseId && row.variant === variant && row.rate === rate);
}

const finished = (row: SkipRow) => row.status === 'success';
const missed = (row: SkipRow) => row.metrics.missing + row.metrics.storedWrong;

function againstWithout(row: SkipRow, without: SkipRow | undefined, what: string): TargetCheck[] {
	if (!without) return [];
	const wall = row.wallMs / without.wallMs;
	const requests = row.metrics.requests / without.metrics.requests;
	return [
		{
			target: `${what}, ${row.rate}/s: wall ≤ 1.05 × without the option (${seconds(without.wallMs * 1.05)})`,
			measured: `${seconds(row.wallMs)} = ${ratio(wall)}; requests ${row.metrics.requests} vs ${without.metrics.requests} (${ratio(requests)})`,
			pass: finished(row) && wall <= 1.05,
			margin: `${wall <= 1.05 ? '' : '+'}${((wall - 1.05) * 100).toFixed(1)} points`,
		},
		{
			target: `${what}, ${row.rate}/s: 0 changes missed, 0 duplicated`,
			measured: `${missed(row)} missed, ${row.metrics.duplicated} duplicated`,
			pass: finished(row) && missed(row) === 0 && row.metrics.duplicated === 0,
			margin: '',
		},
	];
}

export function checkSkipTargets(rows: SkipRow[]): TargetCheck[] {
	const checks: TargetCheck[] = [];
	const rates = [...new Set(rows.map((row) => row.rate))];
	for (const rate of rates) {
		for (const variant of ['userflow-skip', 'userflow-skip-max-rate'] as const) {
			const row = find(rows, 'skip-2pct', variant, rate);
			if (!row) continue;
			const scope = `2 % changed, ${variant === 'userflow-skip' ? 'defaults' : 'max rate = limit'}, ${rate}/s`;
			const wall = row.wallMs / row.floorMs;
			const allowed = Math.floor(1.05 * (row.floorMs / 1000) * rate);
			checks.push(
				{
					target: `${scope}: wall ≤ 1.15 × (⌈M/100⌉ + changed) / rate (${seconds(row.floorMs * 1.15)})`,
					measured: `${seconds(row.wallMs)} = ${ratio(wall)}`,
					pass: finished(row) && wall <= 1.15,
					margin: `${wall <= 1.15 ? '' : '+'}${seconds(row.wallMs - row.floorMs * 1.15)} vs the target`,
				},
				{
					target: `${scope}: requests ≤ 1.05 × (⌈M/100⌉ + changed) (${allowed})`,
					measured: `${row.metrics.requests} (${row.listPages} list pages + ${row.writes} writes; ${row.metrics.rateLimited} × 429)`,
					pass: row.metrics.requests <= allowed,
					margin: `${row.metrics.requests <= allowed ? '' : '+'}${row.metrics.requests - allowed}`,
				},
				{
					target: `${scope}: 0 changes missed, 0 duplicated`,
					measured: `${missed(row)} missed, ${row.metrics.duplicated} duplicated, ${row.skipped ?? 0} skipped of ${row.inputs}`,
					pass: finished(row) && missed(row) === 0 && row.metrics.duplicated === 0,
					margin: '',
				},
			);
		}
		for (const [caseId, what] of [['skip-50pct', '50 % changed'], ['skip-fallback', 'Fallback (200 rows, 100,000 users)']] as const) {
			const row = find(rows, caseId, 'userflow-skip', rate);
			if (row) checks.push(...againstWithout(row, find(rows, caseId, 'userflow-no-skip', rate), what));
		}
	}
	return checks;
}

export function renderSkipSection(rows: SkipRow[]): string {
	if (!rows.length) return '';
	const out: string[] = ['## Skip Unchanged (recurring sync)', ''];
	out.push(
		'Userflow holds M users; the input is N rows of them, some changed (a new plan and nonce). ' +
			'"option floor" = (list pages the option may read + changed rows) / rate, the list pages being min(⌈M/100⌉, ⌈5 % × N⌉); "send all" = N / rate. ' +
			'"before 1st request" = from the start of the run to the first request Userflow saw: n8n\'s own preparation of every item (evaluating the node\'s parameters, preSend), paid with or without the option. ' +
			'"missed" = input rows whose values Userflow does not hold after the run (a skipped change would show here); "duplicated" = users written more than once. ' +
			'"load" = the machine\'s 1-minute load average around the run (2 cores: above 2, processes wait for CPU, and n8n\'s per-item preparation stretches most). ' +
			'Counts come from the emulator\'s log and store; timings share a 2-core machine with other work and are noisy.',
	);
	for (const caseId of [...new Set(rows.map((row) => row.caseId))]) {
		const caseRows = rows.filter((row) => row.caseId === caseId);
		out.push('', `### ${caseRows[0].caseLabel}`, '');
		out.push('| rate | variant | result | wall | × option floor | × send all | before 1st request | after it, × option floor | requests | list pages | writes | 429s | skipped | stored | missed | duplicated | load |');
		out.push('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
		for (const row of caseRows) {
			const m = row.metrics;
			out.push(
				`| ${row.rate}/s | ${row.label} | ${row.status === 'success' ? 'all items OK' : `**${row.status}**`} | ${seconds(row.wallMs)} | ${(row.wallMs / row.floorMs).toFixed(2)} | ${(row.wallMs / row.sendAllMs).toFixed(2)} | ${row.firstRequestMs !== undefined ? seconds(row.firstRequestMs) : '—'} | ${row.firstRequestMs !== undefined ? ((row.wallMs - row.firstRequestMs) / row.floorMs).toFixed(2) : '—'} | ${m.requests} | ${row.listPages} | ${row.writes} | ${m.rateLimited} | ${row.skipped ?? '—'} | ${m.stored}/${row.inputs} | ${missed(row)} | ${m.duplicated} | ${row.loadAverage?.toFixed(1) ?? '—'} |`,
			);
		}
		const notes = caseRows.filter((row) => row.message && row.status !== 'success');
		for (const row of notes) out.push(`- ${row.scenarioId}: ${row.message!.replace(/\s+/g, ' ').slice(0, 300)}`);
	}
	out.push('');
	return out.join('\n');
}
