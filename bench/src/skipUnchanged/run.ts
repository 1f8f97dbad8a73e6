/** Runs the Skip Unchanged cases: a fresh emulator seeded with the environment per variant. */
import { loadavg } from 'node:os';

import { startEmulator } from '../../../emulator';
import { analyseUpserts } from '../analyse';
import type { BenchConfig } from '../config';
import { selected } from '../config';
import { runChild } from '../runChild';
import {
	caseLabel,
	changedRows,
	environmentUsers,
	inputRows,
	scaledCase,
	SKIP_CASES,
	SKIP_VARIANT_LABELS,
	skipFloorMs,
	type SkipCase,
	type SkipVariantId,
} from './cases';
import type { SkipRow } from './results';

const SEED_START_MS = Date.UTC(2023, 0, 1);

async function runSkipScenario(config: BenchConfig, entry: SkipCase, variant: SkipVariantId, rate: number): Promise<SkipRow> {
	const emulator = await startEmulator({ latencyMs: config.latencyMs, rateLimit: { perSecond: rate, burst: rate } });
	// Created in id order, a second apart: the list's order is the id order.
	environmentUsers(entry).forEach((user, index) => emulator.store.addUser(user.id, { ...user.attributes }, SEED_START_MS + index * 1000));
	const rows = inputRows(entry);
	const sendAllMs = (entry.inputs / rate) * 1000;
	const timeoutMs = Math.max(config.minTimeoutMs, config.timeoutFactor * sendAllMs);
	let startedAt = Date.now();
	const loadBefore = loadavg()[0];
	const result = await runChild(
		{ kind: 'skip', skipCase: entry, variant, baseUrl: emulator.baseUrl, apiKey: emulator.apiKey, ratePerSecond: rate },
		timeoutMs,
		() => (startedAt = Date.now()),
	);
	await new Promise((done) => setTimeout(done, config.latencyMs * 3));
	const metrics = analyseUpserts(emulator, rows, startedAt);
	const accepted = (method: string) =>
		emulator.requests.filter((request) => request.method === method && request.path === '/users' && request.status >= 200 && request.status < 300).length;
	const row: SkipRow = {
		scenarioId: `${entry.id}/${variant}@${rate}`,
		caseId: entry.id,
		caseLabel: caseLabel(entry),
		variant,
		label: SKIP_VARIANT_LABELS[variant],
		rate,
		environment: entry.environment,
		inputs: entry.inputs,
		changed: changedRows(entry),
		floorMs: skipFloorMs(entry, rate),
		sendAllMs,
		status: 'crashed',
		wallMs: Date.now() - startedAt,
		firstRequestMs: emulator.requests.length ? emulator.requests[0].at - startedAt : undefined,
		loadAverage: Math.max(loadBefore, loadavg()[0]),
		listPages: accepted('GET'),
		writes: accepted('POST'),
		metrics,
	};
	await emulator.close();
	if (result.kind === 'timeout') {
		row.status = 'dnf';
		row.wallMs = result.afterMs;
		row.message = `did not finish in ${Math.round(result.afterMs / 1000)} s`;
	} else if (result.kind === 'crashed') {
		row.message = result.message;
	} else if (result.outcome.kind === 'upsert') {
		row.status = result.outcome.status;
		row.wallMs = result.outcome.wallMs;
		row.failed = entry.inputs - result.outcome.okItems;
		row.skipped = result.outcome.skippedItems;
		row.message = result.outcome.errorMessage;
	}
	return row;
}

function describe(row: SkipRow): string {
	return `${row.scenarioId}: ${row.status} in ${(row.wallMs / 1000).toFixed(1)} s (${(row.wallMs / row.floorMs).toFixed(2)}× option floor), ${row.metrics.requests} requests (${row.listPages} list pages, ${row.writes} writes), ${row.metrics.rateLimited} × 429, skipped ${row.skipped ?? '—'}, stored ${row.metrics.stored}/${row.inputs}, duplicated ${row.metrics.duplicated}${row.message ? ` — ${row.message.slice(0, 160)}` : ''}`;
}

/** Every selected case × variant × rate, in that order. Select them with `--only=skip` (or a case id). */
export async function runSkipCases(config: BenchConfig, log: (message: string) => void): Promise<SkipRow[]> {
	const rows: SkipRow[] = [];
	for (const rate of config.rates) {
		for (const declared of SKIP_CASES) {
			const entry = scaledCase(declared, config.quick);
			for (const variant of entry.variants) {
				if (!selected(config, `${entry.id}/${variant}@${rate}`)) continue;
				log(`${caseLabel(entry)}: ${SKIP_VARIANT_LABELS[variant]} @ ${rate}/s ...`);
				const row = await runSkipScenario(config, entry, variant, rate);
				rows.push(row);
				log(describe(row));
			}
		}
	}
	return rows;
}
