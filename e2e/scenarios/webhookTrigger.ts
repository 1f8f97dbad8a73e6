/**
 * The Userflow Webhook Trigger in a running n8n, with example 06
 * (examples/07-record-survey-answers-and-completed-flows.json) published:
 *
 *   n8n start (WEBHOOK_URL = n8n's own address) → the node subscribes in the emulator, for
 *   exactly its two topics → users answer the survey and complete flows through the API →
 *   the emulator's signed deliveries start one execution each, and each execution's Userflow
 *   node records the event on the user (a second execution would count it twice) →
 *   Userflow redelivers every notification: nothing runs again → forged deliveries (wrong
 *   secret, unsigned, stale) answer 401 and run nothing → restart n8n: the same subscription,
 *   not a second one, and the next event runs once → unpublish through n8n's REST API: the
 *   subscription is gone from the emulator. n8n's own execution list confirms the count.
 */
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { join } from 'node:path';

import type { UserflowEmulator } from '../../emulator';
import { ENGAGEMENT_EVENTS, ENGAGEMENTS, engage } from '../../examples/engagements';
import { EXAMPLE_EXPECTATIONS } from '../../examples/expectations';
import { delay, type N8nCli } from '../lib/n8nCli';
import type { Report } from '../lib/report';
import { n8nId, prepareForImport, readWorkflow, writeJson, type ImportedCredential } from '../lib/workflows';
import { activate } from './pollingTrigger';

const EXAMPLE = '07-record-survey-answers-and-completed-flows.json';
/** The examples in examples/ that start at the Webhook Trigger: this scenario runs them. */
export const WEBHOOK_EXAMPLE_FILES = [EXAMPLE];
const EXAMPLE_FILE = join(__dirname, '..', '..', 'examples', EXAMPLE);
const WAIT_MS = 60_000;
/** After the expected effects: time for a duplicate execution to show up. */
const SETTLE_MS = 3_000;
const OWNER = { email: 'e2e@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-owner-password-1' };
const BROWSER_ID = 'e2e-webhook-scenario';

export interface WebhookTriggerInput {
	n8n: N8nCli;
	emulator: UserflowEmulator;
	credential: ImportedCredential;
	workDir: string;
	report: Report;
}

export async function runWebhookTrigger({ n8n, emulator, credential, workDir, report }: WebhookTriggerInput): Promise<void> {
	const id = n8nId('e2ehook', 1);
	const logFile = join(workDir, 'n8n-start-webhook.log');
	const workflow = readWorkflow(EXAMPLE_FILE, emulator.baseUrl);
	const webhookId = String(workflow.nodes.find((node) => node.type.endsWith('.userflowWebhookTrigger'))?.webhookId);
	const productionUrl = `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
	const ours = () => [...emulator.store.webhookSubscriptions.values()].filter((s) => s.url === productionUrl);
	const withLog = (body: () => Promise<void>) => async () => {
		try {
			await body();
		} catch (error) {
			(error as Error).message += `\n(n8n's server log: ${logFile})`;
			throw error;
		}
	};
	let cookie = '';

	const ready = await report.step(`webhook: import and publish ${EXAMPLE}`, async () => {
		emulator.reset();
		await n8n.runOk('import:workflow', `--input=${writeJson(join(workDir, `import-${id}.json`), prepareForImport(workflow, id, credential))}`);
		await activate(n8n, id);
	});
	if (!ready) return;

	const firstRun = await report.step(
		'webhook: n8n start subscribes exactly its topics; each notification starts one execution',
		withLog(async () => {
			await n8n.start(logFile);
			await waitUntil(() => ours().length === 1, 'the node\'s subscription in the emulator');
			const [subscription] = ours();
			assert.deepEqual([...subscription.topics].sort(), ENGAGEMENT_EVENTS.map((e) => `event.tracked.${e}`).sort());
			assert.equal(emulator.store.webhookSubscriptions.size, 1, 'one subscription in the environment');

			await engage(emulator);
			await emulator.webhooks.settled();
			const expectation = EXAMPLE_EXPECTATIONS.find((e) => e.file === EXAMPLE)!;
			await waitUntil(() => expectation.problems({ store: emulator.store, output: [] }).length === 0, () =>
				`${EXAMPLE}'s expectation: ${expectation.problems({ store: emulator.store, output: [] }).join('; ')}`);
			const subscribed = ENGAGEMENTS.filter((e) => ENGAGEMENT_EVENTS.includes(e.event));
			assert.deepEqual(
				emulator.deliveries.map((d) => [d.notification.topic, d.state, d.attempts.map((a) => a.status)]),
				subscribed.map((e) => [`event.tracked.${e.event}`, 'delivered', [200]]),
				'one delivery per subscribed event, each answered 200 at once',
			);
			// The right output: the execution wrote the event's own time on the user.
			const flow = emulator.store.events.find((e) => e.user_id === 'nps_user_2' && e.name === 'flow_completed')!;
			assert.equal(Date.parse(String(emulator.store.users.get('nps_user_2')?.attributes.last_engagement_at)), Date.parse(flow.time));
			await delay(SETTLE_MS);
			assert.deepEqual(expectation.problems({ store: emulator.store, output: [] }), [], 'no execution ran twice');
			cookie = await signIn(n8n);
			assert.equal(await executionCount(n8n, cookie, id), subscribed.length, 'n8n\'s executions of the workflow');
		}),
	);
	if (!firstRun) return n8n.stop();

	await report.step(
		'webhook: redelivered notifications run nothing again; forged deliveries answer 401 and run nothing',
		withLog(async () => {
			const before = engagementCounts(emulator);
			const delivered = emulator.deliveries.filter((d) => d.state === 'delivered');
			for (const record of delivered) emulator.webhooks.redeliver(record.notification.id);
			await emulator.webhooks.settled();
			const redeliveries = emulator.deliveries.filter((d) => d.redelivery > 0);
			assert.equal(redeliveries.length, delivered.length);
			assert.ok(redeliveries.every((d) => d.state === 'delivered'), 'redeliveries are answered 200');

			const secret = ours()[0].secret;
			const notification = JSON.stringify({
				id: randomUUID(),
				object: 'webhook_notification',
				api_version: '2020-01-03',
				created_at: new Date().toISOString(),
				topic: 'event.tracked.question_answered',
				data: { object: { object: 'event', id: 'evt_forged', name: 'question_answered', user_id: 'nps_user_3', attributes: {} } },
			});
			const now = Math.floor(Date.now() / 1000);
			const sign = (key: string, t: number) => `t=${t},v1=${createHmac('sha256', key).update(`${t}.${notification}`).digest('hex')}`;
			for (const [label, header] of [
				['wrong secret', sign('whsec_forged', now)],
				['stale', sign(secret, now - 600)],
				['unsigned', undefined],
			] as const) {
				const response = await fetch(productionUrl, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', ...(header ? { 'Userflow-Signature': header } : {}) },
					body: notification,
				});
				const text = await response.text();
				assert.equal(response.status, 401, `a ${label} delivery: ${text}`);
				assert.ok(!text.includes(secret), 'the answer reveals nothing of the secret');
			}
			await delay(SETTLE_MS);
			assert.deepEqual(engagementCounts(emulator), before, 'nothing ran for redeliveries or forgeries');
			assert.equal(await executionCount(n8n, cookie, id), ENGAGEMENTS.filter((e) => ENGAGEMENT_EVENTS.includes(e.event)).length);
		}),
	);

	const restarted = await report.step(
		'webhook: a restart keeps the one subscription (none added, none lost); the next event runs once',
		withLog(async () => {
			const [before] = ours();
			const createdBefore = emulator.requests.filter((r) => r.method === 'POST' && r.path === '/webhook_subscriptions').length;
			await n8n.stop();
			const restartedAt = Date.now();
			await n8n.start(logFile);
			// n8n keeps its webhook registrations across a restart: the subscription stays as it is.
			assert.deepEqual(ours().map((s) => s.id), [before.id], 'the same subscription');
			assert.equal(emulator.requests.filter((r) => r.method === 'POST' && r.path === '/webhook_subscriptions' && r.at >= restartedAt).length, 0);
			assert.equal(emulator.requests.filter((r) => r.method === 'POST' && r.path === '/webhook_subscriptions').length, createdBefore);
			assert.equal(emulator.store.webhookSubscriptions.size, 1);

			// n8n serves the webhook once it has activated the workflow again: an unsigned probe
			// is then answered by the node itself (401), and starts nothing.
			const probe = async () => {
				try {
					const reply = await fetch(productionUrl, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
					return reply.status === 401;
				} catch {
					return false; // n8n still starting up
				}
			};
			await waitUntilAsync(probe, 'n8n to serve the webhook again');

			// The memory of handled notifications is in n8n's database: a redelivery still runs nothing.
			const counts = engagementCounts(emulator);
			const old = emulator.deliveries.find((d) => d.redelivery === 0 && d.state === 'delivered')!;
			const [again] = emulator.webhooks.redeliver(old.notification.id);
			await emulator.webhooks.settled();
			assert.equal(again.state, 'delivered', `the redelivery after the restart: ${JSON.stringify(again.attempts)}`);
			await delay(SETTLE_MS);
			assert.deepEqual(engagementCounts(emulator), counts, 'a redelivery after the restart ran again');

			const response = await fetch(`${emulator.baseUrl}/events`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${emulator.apiKey}`, 'Userflow-Version': '2020-01-03', 'Content-Type': 'application/json' },
				body: JSON.stringify({ name: 'question_answered', user_id: 'nps_user_2', attributes: { score: 10 } }),
			});
			assert.equal(response.status, 200);
			await emulator.webhooks.settled();
			await waitUntil(() => engagementCounts(emulator).nps_user_2 === (counts.nps_user_2 ?? 0) + 1, 'the event after the restart');
			await delay(SETTLE_MS);
			assert.deepEqual(engagementCounts(emulator), { ...counts, nps_user_2: (counts.nps_user_2 ?? 0) + 1 });
			// n8n's sign-in survives the restart (its tokens are signed with the encryption key).
			assert.equal(await executionCount(n8n, cookie, id), ENGAGEMENTS.filter((e) => ENGAGEMENT_EVENTS.includes(e.event)).length + 1);
		}),
	);
	if (!restarted) return n8n.stop();

	await report.step(
		'webhook: unpublishing in n8n deletes the subscription in the emulator',
		withLog(async () => {
			const response = await fetch(`${n8n.baseUrl}/rest/workflows/${id}/deactivate`, {
				method: 'POST',
				headers: { Cookie: cookie, 'browser-id': BROWSER_ID, 'Content-Type': 'application/json' },
				body: '{}',
			});
			assert.equal(response.status, 200, `deactivate: ${await response.text()}`);
			await waitUntil(() => ours().length === 0, 'the subscription to be deleted');
			assert.equal(emulator.store.webhookSubscriptions.size, 0);
			await n8n.stop();
		}),
	);
}

/** What each engaging user's `engagements` counter holds (undefined: never counted). */
function engagementCounts(emulator: UserflowEmulator): Record<string, number | undefined> {
	const counts: Record<string, number | undefined> = {};
	for (const userId of new Set(ENGAGEMENTS.map((e) => e.userId))) {
		const value = emulator.store.users.get(userId)?.attributes.engagements;
		counts[userId] = typeof value === 'number' ? value : undefined;
	}
	return counts;
}

/** Sets up n8n's owner (a fresh instance has none), which signs it in; returns the auth cookie. */
async function signIn(n8n: N8nCli): Promise<string> {
	const headers = { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID };
	const response = await fetch(`${n8n.baseUrl}/rest/owner/setup`, { method: 'POST', headers, body: JSON.stringify(OWNER) });
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
	assert.ok(response.ok && cookie, `signing in to n8n answered ${response.status}: ${await response.text()}`);
	return cookie.split(';')[0];
}

/** How many executions n8n recorded for the workflow (its REST API, as the editor's list reads it). */
async function executionCount(n8n: N8nCli, cookie: string, workflowId: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const response = await fetch(`${n8n.baseUrl}/rest/executions?filter=${filter}&limit=100`, {
		headers: { Cookie: cookie, 'browser-id': BROWSER_ID },
	});
	const text = await response.text();
	assert.equal(response.status, 200, `GET /rest/executions: ${text}`);
	const body = JSON.parse(text) as { data?: { results?: unknown[]; count?: number } };
	assert.ok(Array.isArray(body.data?.results), `unexpected executions answer: ${text.slice(0, 300)}`);
	return body.data!.results!.length;
}

async function waitUntilAsync(condition: () => Promise<boolean>, what: string): Promise<void> {
	const deadline = Date.now() + WAIT_MS;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}`);
		await delay(250);
	}
}

async function waitUntil(condition: () => boolean, what: string | (() => string)): Promise<void> {
	const deadline = Date.now() + WAIT_MS;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${typeof what === 'string' ? what : what()}`);
		await delay(250);
	}
}
