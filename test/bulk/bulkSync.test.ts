/**
 * Bulk syncs through n8n's engine against a Userflow that rate-limits tightly and fails
 * now and then: every input item must end as exactly one output item, every upsert must
 * arrive, and no event may be stored twice.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator, type UserflowEmulator } from '../../emulator';
import { codeNode, manualTrigger, runWorkflow, userflowNode, workflow } from '../harness';

const KEY_PER_TEST = () => `ak_bulk_${Math.random().toString(36).slice(2)}`;

async function runBulk(
	emulator: UserflowEmulator,
	apiKey: string,
	items: object[],
	parameters: INodeParameters,
	continueOnFail = false,
) {
	return await runWorkflow(
		workflow([
			manualTrigger(),
			codeNode(`return ${JSON.stringify(items.map((json) => ({ json })))};`),
			userflowNode(parameters, 'Userflow', continueOnFail ? { continueOnFail: true } : {}),
		]),
		{ credentials: { userflowApi: { apiKey, baseUrl: emulator.baseUrl } } },
	);
}

describe('bulk syncs under rate limits and failures', () => {
	let emulator: UserflowEmulator;
	let apiKey: string;

	beforeEach(async () => {
		// A fresh key per test: the gate that learns the limit is shared per key in a process.
		apiKey = KEY_PER_TEST();
		emulator = await startEmulator({ apiKeys: [apiKey], rateLimit: { perSecond: 40 } });
	});
	afterEach(async () => await emulator.close());

	it('upserts every user exactly once through 429s, 5xx and resets (writes applied before failing)', async () => {
		const users = Array.from({ length: 300 }, (_, i) => ({ id: `bulk_${i}`, plan: i % 2 ? 'pro' : 'free', seats: i }));
		emulator.configure({ faults: { serverErrorRate: 0.05, resetRate: 0.05, faultAfterWrite: true, seed: 7 } });

		const result = await runBulk(emulator, apiKey, users, {
			resource: 'user',
			operation: 'upsert',
			userId: '={{ $json.id }}',
			attributeInput: 'autoMapInputData',
			fieldsToExclude: 'id',
			options: { checkNameCase: false },
		});

		expect(result.error).toBeUndefined();
		const output = result.itemsOf('Userflow');
		expect(output.map((user) => user.id)).toEqual(users.map((user) => user.id));
		for (const user of users) {
			expect(emulator.store.users.get(user.id)?.attributes).toEqual({ plan: user.plan, seats: user.seats });
		}
		const statuses = emulator.requests.map((request) => request.status);
		// The run met all three kinds of trouble, so the test proves something.
		expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
		expect(statuses.filter((status) => status >= 500).length).toBeGreaterThan(0);
		expect(statuses.filter((status) => status === 0).length).toBeGreaterThan(0);
	});

	it('never stores an event twice; each item is tracked once or fails saying it may be recorded', async () => {
		const userIds = emulator.seedUsers(5);
		const events = Array.from({ length: 200 }, (_, i) => ({ user: userIds[i % 5], nonce: `n${i}` }));
		emulator.configure({ faults: { serverErrorRate: 0.05, resetRate: 0.05, faultAfterWrite: true, seed: 11 } });

		const result = await runBulk(
			emulator,
			apiKey,
			events,
			{
				resource: 'event',
				operation: 'track',
				eventName: 'bulk_imported',
				userId: '={{ $json.user }}',
				attributeInput: 'defineBelow',
				attributes: { attribute: [{ name: 'nonce', type: 'string', value: '={{ $json.nonce }}' }] },
				options: { checkNameCase: false },
			},
			true,
		);

		const output = result.outputOf('Userflow');
		expect(output).toHaveLength(events.length);
		const storedPerNonce = new Map<string, number>();
		for (const event of emulator.store.events) {
			const nonce = String(event.attributes.nonce);
			storedPerNonce.set(nonce, (storedPerNonce.get(nonce) ?? 0) + 1);
		}
		expect(Math.max(...storedPerNonce.values())).toBe(1);

		let failed = 0;
		output.forEach((item, index) => {
			const nonce = events[index].nonce;
			if (item.error) {
				failed++;
				expect(item.error.message).toMatch(/^(Userflow answered|The connection).*; the event may or may not have been recorded$/);
				// faultAfterWrite: the write happened before the 5xx/reset, so it is stored once.
				expect(storedPerNonce.get(nonce)).toBe(1);
			} else {
				expect(item.json.name).toBe('bulk_imported');
				expect(storedPerNonce.get(nonce)).toBe(1);
			}
		});
		expect(failed).toBeGreaterThan(0);
		expect(emulator.requests.some((request) => request.status === 429)).toBe(true);
	});

	it('keeps going through a sustained limit: 429s are retried, not turned into failed items', async () => {
		emulator.configure({ rateLimit: { perSecond: 10, burst: 2 } });
		const users = Array.from({ length: 40 }, (_, i) => ({ id: `slow_${i}` }));

		const result = await runBulk(emulator, apiKey, users, {
			resource: 'user',
			operation: 'upsert',
			userId: '={{ $json.id }}',
			attributeInput: 'json',
			attributesJson: '{"synced": true}',
			options: { checkNameCase: false },
		});

		expect(result.error).toBeUndefined();
		expect(result.itemsOf('Userflow')).toHaveLength(40);
		expect([...emulator.store.users.keys()].sort()).toEqual(users.map((user) => user.id).sort());
		expect(emulator.requests.some((request) => request.status === 429)).toBe(true);
	});
});
