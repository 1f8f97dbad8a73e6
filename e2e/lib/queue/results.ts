/**
 * The queue scenario's measured figures: written as JSON and Markdown next to the scenario's
 * logs and, when E2E_QUEUE_RESULTS names a folder (the benchmark entry, bench/queue-mode.sh),
 * there too. The README's "Scaling out" figures come from that file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKFILL_TARGETS, type BackfillFigures } from './backfillFigures';
import type { Poll } from './polls';

export interface QueueModeResults {
	recordedAt: string;
	machine: { cpus: number; loadAverageBefore: number[]; loadAverageAfter?: number[] };
	setup: {
		n8n: string;
		limitPerSecond: number;
		latencyMs: number;
		usersPerExecution: number;
		workers: number;
		/** Seconds: Redis and PostgreSQL start, each n8n process's start, the CLI imports. */
		timings: Record<string, number>;
	};
	backfills: BackfillFigures[];
	trigger?: TriggerRecord;
	webhook?: WebhookRecord;
	durationSeconds?: number;
}

export interface TriggerRecord {
	polls: Poll[];
	/** Polls that started while a backfill ran on the workers. */
	pollsDuringBackfill: Poll[];
	/** New user -> the executions that emitted it, each with the worker that ran it. */
	executionsPerUser: Record<string, string[]>;
	/** New user -> e2e_seen events the workflow's Userflow node tracked for it. */
	seenPerUser: Record<string, number>;
}

export interface WebhookRecord {
	/** Subscriptions created, each with the process that created it and Userflow's answer. */
	subscriptionsCreated: string[];
	deliveries: number;
	redeliveries: number;
	/** Execution id -> the workers that started it (exactly one). */
	executions: Record<string, string[]>;
}

const seconds = (value: number) => `${value.toFixed(1)} s`;
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

export function renderQueueResults(results: QueueModeResults): string {
	const { setup } = results;
	const lines = [
		'# Queue mode: several n8n workers on one Userflow API key',
		'',
		`Recorded ${results.recordedAt} by the e2e scenario \`queue\` (\`bash bench/queue-mode.sh\`), n8n ${setup.n8n}, ` +
			`main + ${setup.workers} workers, Redis and PostgreSQL on one ${results.machine.cpus}-core machine ` +
			`(load average ${results.machine.loadAverageBefore.map((l) => l.toFixed(1)).join(' ')} before` +
			`${results.machine.loadAverageAfter ? `, ${results.machine.loadAverageAfter.map((l) => l.toFixed(1)).join(' ')} after` : ''}). ` +
			`Emulator: ${setup.limitPerSecond} requests/s per key (token bucket, burst = rate), ${setup.latencyMs} ms latency. ` +
			`Each execution upserts ${setup.usersPerExecution.toLocaleString('en-US')} different users with the same key.`,
		'',
		`Targets: wall ≤ ${BACKFILL_TARGETS.maxWallRatio} × items / limit, 429s < ${BACKFILL_TARGETS.maxRateLimitedShare * 100} %, 0 lost, 0 duplicated.`,
		'',
		'| run | executions | worker concurrency | wall (× floor) | first request after | accepted/s ÷ limit | 429s | lost / duplicated / failed | target wall, 429s |',
		'|---|---|---|---|---|---|---|---|---|',
		...results.backfills.map(
			(b) =>
				`| ${b.run} | ${b.executions} × ${setup.usersPerExecution} | ${b.concurrency} | ${seconds(b.wallSeconds)} (${b.wallRatio.toFixed(2)}) | ${seconds(b.firstRequestAfterSeconds)} | ${b.acceptedPerSecond.toFixed(1)} ÷ ${b.limit} = ${b.acceptedRatio.toFixed(2)} | ${b.rateLimited} (${percent(b.rateLimitedShare)}) | ${b.lost} / ${b.duplicated} / ${b.failedExecutions.length} | ${met(b.targets.wall)}, ${met(b.targets.rateLimited)} |`,
		),
		'',
		'Per process (accepted/s over the run\'s key-busy time, so the shares add up to the whole):',
		'',
		'| run | process | executions | requests | accepted/s | 429s | active |',
		'|---|---|---|---|---|---|---|',
		...results.backfills.flatMap((b) =>
			b.perProcess.map(
				(p) =>
					`| ${b.run} | ${p.process} | ${p.executions.join(', ') || '-'} | ${p.requests} | ${p.acceptedPerSecond.toFixed(1)} | ${p.rateLimited} | ${seconds(p.activeSeconds)} of ${seconds(b.keyBusySeconds)} |`,
			),
		),
	];
	const trigger = results.trigger;
	if (trigger) {
		const fromMain = trigger.polls.filter((p) => p.process === 'main').length;
		const delayed = trigger.pollsDuringBackfill;
		lines.push(
			'',
			`Polling trigger: ${trigger.polls.length} polls, ${fromMain} from main, ${trigger.polls.filter((p) => !p.answered).length} failed. ` +
				`During the backfill: ${delayed.length} polls, ${delayed.reduce((n, p) => n + p.rateLimited, 0)} of their requests rate-limited, ` +
				`longest delay ${seconds(Math.max(0, ...delayed.map((p) => p.delaySeconds)))}. ` +
				`New users: ${Object.entries(trigger.executionsPerUser)
					.map(([user, executions]) => `${user} in ${executions.length} execution${executions.length === 1 ? '' : 's'} (${executions.join(', ')}), ${trigger.seenPerUser[user] ?? 0} × tracked`)
					.join('; ')}.`,
		);
	}
	const webhook = results.webhook;
	if (webhook) {
		lines.push(
			'',
			`Webhook Trigger: subscriptions created ${webhook.subscriptionsCreated.length} (${webhook.subscriptionsCreated.join(', ')}), ` +
				`${webhook.deliveries} deliveries to main and ${webhook.redeliveries} redeliveries, ` +
				`executions ${Object.entries(webhook.executions).map(([id, workers]) => `${id} on ${workers.join('+')}`).join(', ')}.`,
		);
	}
	const timings = Object.entries(setup.timings).map(([name, value]) => `${name} ${seconds(value)}`);
	lines.push('', `Setup: ${timings.join(', ')}.${results.durationSeconds ? ` Whole scenario: ${seconds(results.durationSeconds)}.` : ''}`, '');
	return lines.join('\n');
}

export function writeQueueResults(results: QueueModeResults, folders: string[]): void {
	for (const folder of folders) {
		mkdirSync(folder, { recursive: true });
		writeFileSync(join(folder, 'queue-mode.json'), `${JSON.stringify(results, null, '\t')}\n`);
		writeFileSync(join(folder, 'queue-mode.md'), renderQueueResults(results));
	}
}
