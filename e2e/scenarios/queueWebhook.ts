/**
 * The queue scenario's Webhook Trigger part, with example 07 (record NPS answers and completed
 * flows on the user) published beside the polling trigger: main creates the one subscription
 * when it activates the workflow, Userflow's deliveries arrive at main (the subscription's URL
 * is main's), each starts one execution that a worker runs (its Userflow node writes the user),
 * redeliveries start nothing, and restarts of main and of the workers create no second
 * subscription: no process but main ever creates one.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ENGAGEMENT_EVENTS, ENGAGEMENTS, engage } from '../../examples/engagements';
import { EXAMPLE_EXPECTATIONS } from '../../examples/expectations';
import { delay } from '../lib/n8nCli';
import { listExecutions } from '../lib/queue/executions';
import type { WebhookRecord } from '../lib/queue/results';
import { originOf, SETTLE_MS, workerLogs, type Scene } from '../lib/queue/scene';
import { workersByExecution } from '../lib/queue/workerLogs';
import { waitUntil } from '../lib/seenEvents';
import { readWorkflow } from '../lib/workflows';

export const WEBHOOK_EXAMPLE = '07-record-survey-answers-and-completed-flows.json';
export const WEBHOOK_EXAMPLE_FILE = join(__dirname, '..', '..', 'examples', WEBHOOK_EXAMPLE);
const WAIT_MS = 60_000;

function productionUrl(s: Scene): string {
	const workflow = readWorkflow(WEBHOOK_EXAMPLE_FILE, s.emulator.baseUrl);
	const webhookId = workflow.nodes.find((node) => node.type.endsWith('.userflowWebhookTrigger'))?.webhookId;
	return `${s.cluster.mainUrl}/webhook/${String(webhookId)}/webhook`;
}

const subscriptionPosts = (s: Scene) => s.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/webhook_subscriptions');

export async function webhookRound(s: Scene): Promise<void> {
	const url = productionUrl(s);
	const ours = () => [...s.emulator.store.webhookSubscriptions.values()].filter((subscription) => subscription.url === url);
	await waitUntil(() => ours().length === 1, 'main\'s subscription in the emulator', WAIT_MS);

	// engage() creates the users who answer and complete: new users, so the polling trigger
	// emits each of them once too (and the scene counts them as new users).
	const before = new Set(s.emulator.store.users.keys());
	await engage(s.emulator);
	s.newUsers.push(...[...s.emulator.store.users.keys()].filter((id) => !before.has(id)));
	await s.emulator.webhooks.settled();
	const expectation = EXAMPLE_EXPECTATIONS.find((e) => e.file === WEBHOOK_EXAMPLE);
	assert.ok(expectation, `no expectation for ${WEBHOOK_EXAMPLE}`);
	const problems = () => expectation.problems({ store: s.emulator.store, output: [] });
	await waitUntil(() => problems().length === 0, () => `${WEBHOOK_EXAMPLE}'s expectation: ${problems().join('; ')}`, WAIT_MS);
	const subscribed = ENGAGEMENTS.filter((e) => ENGAGEMENT_EVENTS.includes(e.event)).length;
	assert.deepEqual(
		s.emulator.deliveries.map((d) => [d.url, d.state, d.attempts.map((a) => a.status)]),
		Array.from({ length: subscribed }, () => [url, 'delivered', [200]]),
		'one delivery per subscribed event, to main, answered 200 at once',
	);

	for (const record of s.emulator.deliveries.filter((d) => d.state === 'delivered')) s.emulator.webhooks.redeliver(record.notification.id);
	await s.emulator.webhooks.settled();
	await delay(SETTLE_MS);
	assert.ok(
		s.emulator.deliveries.filter((d) => d.redelivery > 0).every((d) => d.state === 'delivered'),
		'redeliveries are answered 200',
	);
	assert.deepEqual(problems(), [], 'no notification ran twice');
	assert.equal((await listExecutions(s.cluster.db, s.workflows.webhook)).length, subscribed, 'one execution per notification');
}

/** After the restarts: still the one subscription, created by main; every execution on one worker. */
export async function webhookRecord(s: Scene): Promise<WebhookRecord> {
	const url = productionUrl(s);
	const subscriptionsCreated = subscriptionPosts(s).map((r) => `${originOf(s)(r)} (${r.status})`);
	assert.deepEqual(subscriptionsCreated, ['main (200)'], 'subscriptions created (none per worker, none per restart)');
	assert.deepEqual(
		[...s.emulator.store.webhookSubscriptions.values()].map((subscription) => subscription.url),
		[url],
		'the one subscription in the environment',
	);
	const workers = workersByExecution(workerLogs(s.cluster));
	const rows = await listExecutions(s.cluster.db, s.workflows.webhook);
	const executions = Object.fromEntries(rows.map((row) => [row.id, workers.get(row.id) ?? []]));
	for (const row of rows) {
		assert.equal(row.status, 'success', `webhook execution ${row.id}`);
		assert.equal(executions[row.id].length, 1, `webhook execution ${row.id} was started by ${executions[row.id].length} workers`);
	}
	const writes = s.emulator.requests.filter(
		(r) => r.method === 'POST' && r.path === '/users' && (r.body as { attributes?: Record<string, unknown> })?.attributes?.engagements !== undefined,
	);
	assert.equal(writes.length, rows.length, 'one write on the user per execution');
	assert.deepEqual([...new Set(writes.map(originOf(s)).map((origin) => origin.replace(/-\d+$/, '')))], ['worker'], 'the writes came from workers');
	const deliveries = s.emulator.deliveries;
	return {
		subscriptionsCreated,
		deliveries: deliveries.filter((d) => d.redelivery === 0).length,
		redeliveries: deliveries.filter((d) => d.redelivery > 0).length,
		executions,
	};
}
