/**
 * `npm run bench`: every variant against a fresh emulator hosted here, each variant in its
 * own child process; then results.md, chart.svg and results.json in bench/results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { startEmulator } from '../../emulator';
import { analyseList, analyseUpserts } from './analyse';
import { type BenchConfig, UPSERT_VARIANTS, parseArgs, selected } from './config';
import { benchUsers } from './dataset';
import { collectMachineInfo } from './report/machine';
import { renderChart } from './report/chart';
import { renderMarkdown } from './report/markdown';
import type { BenchResults, CpuRow, GetManyRow, UpsertRow } from './results';
import { runChild } from './runChild';
import { runSkipCases } from './skipUnchanged/run';
import { recordServerTimings, takeServerTimings } from './serverTime';

const log = (message: string) => console.log(`[bench] ${message}`);
const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function runUpsertScenario(config: BenchConfig, variant: (typeof UPSERT_VARIANTS)[number], rate: number): Promise<UpsertRow> {
	const emulator = await startEmulator({ latencyMs: config.latencyMs, rateLimit: { perSecond: rate, burst: rate } });
	const users = benchUsers(config.count);
	const floorMs = (config.count / rate) * 1000;
	const timeoutMs = Math.max(config.minTimeoutMs, config.timeoutFactor * floorMs);
	let startedAt = Date.now();
	const result = await runChild(
		{ kind: 'upsert', variant: variant.id, baseUrl: emulator.baseUrl, apiKey: emulator.apiKey, count: config.count, ratePerSecond: rate },
		timeoutMs,
		() => (startedAt = Date.now()),
	);
	// Requests still in flight when a variant was stopped get their answer first.
	await new Promise((done) => setTimeout(done, config.latencyMs * 3));
	const metrics = analyseUpserts(emulator, users, startedAt);
	await emulator.close();
	const row: UpsertRow = {
		scenarioId: `${variant.id}@${rate}`,
		variant: variant.id,
		number: variant.number,
		label: variant.label,
		rate,
		count: config.count,
		floorMs,
		status: 'crashed',
		wallMs: Date.now() - startedAt,
		metrics,
		gateRates: [],
	};
	if (result.kind === 'timeout') {
		row.status = 'dnf';
		row.wallMs = result.afterMs;
		row.message = `did not finish in ${Math.round(result.afterMs / 1000)} s`;
	} else if (result.kind === 'crashed') {
		row.message = result.message;
	} else if (result.outcome.kind === 'upsert') {
		const outcome = result.outcome;
		row.status = outcome.status;
		row.wallMs = outcome.wallMs;
		row.failed = config.count - outcome.okItems;
		row.message = outcome.errorMessage;
		row.gateRates = outcome.gateRates;
	}
	return row;
}

async function runGetMany(config: BenchConfig): Promise<GetManyRow> {
	const rate = 100;
	const emulator = await startEmulator({ latencyMs: config.latencyMs, rateLimit: { perSecond: rate, burst: rate } });
	emulator.seedUsers(config.listUsers);
	const pages = Math.ceil(config.listUsers / 100);
	takeServerTimings();
	let coldRequests: number | undefined;
	const result = await runChild(
		{ kind: 'getMany', baseUrl: emulator.baseUrl, apiKey: emulator.apiKey, expected: config.listUsers },
		Math.max(config.minTimeoutMs, pages * config.latencyMs * 10),
		() => emulator.clearRequests(),
		() => (coldRequests = emulator.requests.length),
	);
	// Counts are those of the first (cold, measured) run; the warm rerun's requests follow it.
	if (coldRequests !== undefined) emulator.requests.splice(coldRequests);
	const metrics = analyseList(emulator);
	const listTimings = takeServerTimings().slice(0, coldRequests).filter((timing) => timing.method === 'GET' && timing.path === '/users');
	const serverWorkMs = listTimings.reduce((sum, timing) => sum + Math.max(0, timing.totalMs - config.latencyMs), 0);
	await emulator.close();
	const row: GetManyRow = {
		users: config.listUsers,
		latencyMs: config.latencyMs,
		rate,
		status: 'crashed',
		metrics,
		floorMs: pages * config.latencyMs,
		emulatorWorkMs: serverWorkMs,
	};
	if (result.kind === 'timeout') {
		row.status = 'dnf';
		row.message = `did not finish in ${Math.round(result.afterMs / 1000)} s`;
	} else if (result.kind === 'crashed') {
		row.message = result.message;
	} else if (result.outcome.kind === 'getMany') {
		row.status = result.outcome.status;
		row.message = result.outcome.errorMessage;
		row.outcome = result.outcome;
	}
	return row;
}

async function runCpu(config: BenchConfig, node: CpuRow['node']): Promise<CpuRow> {
	const emulator = await startEmulator({ latencyMs: 0, rateLimit: null });
	const result = await runChild(
		{ kind: 'cpu', node, baseUrl: emulator.baseUrl, apiKey: emulator.apiKey, count: config.cpuCount, repetitions: config.cpuRepetitions },
		10 * 60_000,
		() => {},
	);
	await emulator.close();
	if (result.kind === 'timeout') return { node, status: 'dnf', message: 'did not finish in 600 s' };
	if (result.kind === 'crashed' || result.outcome.kind !== 'cpu') {
		return { node, status: 'crashed', message: result.kind === 'crashed' ? result.message : 'unexpected outcome' };
	}
	const outcome = result.outcome;
	return {
		node,
		status: 'success',
		outcome,
		medianMicrosPerItem: median(outcome.cpuMicrosPerItem),
		message: outcome.failures.length ? outcome.failures.join('; ') : undefined,
	};
}

function describe(row: UpsertRow): string {
	const ratio = (row.wallMs / row.floorMs).toFixed(2);
	return `${row.scenarioId}: ${row.status} in ${(row.wallMs / 1000).toFixed(1)} s (${ratio}× floor), ${row.metrics.requests} requests, ${row.metrics.rateLimited} × 429, stored ${row.metrics.stored}/${row.count}, duplicated ${row.metrics.duplicated}${row.message ? ` — ${row.message.slice(0, 160)}` : ''}`;
}

async function main(): Promise<void> {
	const benchStarted = Date.now();
	recordServerTimings();
	const config = parseArgs(process.argv.slice(2), resolve(__dirname, '..', 'results'));
	log(`N = ${config.count}, rates ${config.rates.join(' and ')}/s, latency ${config.latencyMs} ms${config.quick ? ' (quick)' : ''}`);
	const results: BenchResults = {
		machine: collectMachineInfo(process.argv.slice(2)),
		config: {
			quick: config.quick,
			count: config.count,
			rates: config.rates,
			latencyMs: config.latencyMs,
			listUsers: config.listUsers,
			cpuCount: config.cpuCount,
			cpuRepetitions: config.cpuRepetitions,
		},
		upserts: [],
		cpu: [],
	};
	for (const rate of config.rates) {
		for (const variant of UPSERT_VARIANTS) {
			if (!selected(config, `${variant.id}@${rate}`)) continue;
			log(`${variant.number}. ${variant.label} @ ${rate}/s ...`);
			const row = await runUpsertScenario(config, variant, rate);
			results.upserts.push(row);
			log(describe(row));
		}
	}
	const skipRows = await runSkipCases(config, log);
	if (skipRows.length) results.skipUnchanged = skipRows;
	if (selected(config, 'getMany')) {
		log(`Get Many of ${config.listUsers} users ...`);
		results.getMany = await runGetMany(config);
		const outcome = results.getMany.outcome;
		log(`getMany: ${results.getMany.status}, ${results.getMany.metrics.pages} pages, ${outcome ? (outcome.wallMs / 1000).toFixed(2) : '?'} s cold, ${outcome?.warmWallMs !== undefined ? (outcome.warmWallMs / 1000).toFixed(2) : '?'} s warm (floor ${(results.getMany.floorMs / 1000).toFixed(2)} s)${results.getMany.message ? ` — ${results.getMany.message}` : ''}`);
	}
	for (const node of ['userflow', 'httpRequest'] as const) {
		if (!selected(config, `cpu-${node}`)) continue;
		log(`CPU per item, ${node} ...`);
		const row = await runCpu(config, node);
		results.cpu.push(row);
		log(`cpu-${node}: ${row.status}, median ${row.medianMicrosPerItem?.toFixed(0) ?? '?'} µs/item${row.message ? ` — ${row.message.slice(0, 200)}` : ''}`);
	}
	results.machine.durationMs = Date.now() - benchStarted;
	mkdirSync(config.outDir, { recursive: true });
	writeFileSync(join(config.outDir, 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
	writeFileSync(join(config.outDir, 'results.md'), renderMarkdown(results));
	writeFileSync(join(config.outDir, 'chart.svg'), renderChart(results));
	log(`done in ${((Date.now() - benchStarted) / 1000).toFixed(0)} s; wrote ${config.outDir}/results.md, chart.svg, results.json`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
