/**
 * Errors a user can act on, as n8n's engine hands them to the editor
 * (`run.data.resultData.error` and the items' `error`). The editor shows "From Userflow /
 * Error code" only for an error with an `httpCode`, response data or raw messages, and
 * appends "[item N]" itself: checks made before any request must carry none of those.
 */
import { rows, runUserflow, sent, useEmulator, writes } from '../engineHelpers';
import { scriptedServer, type LocalServer } from '../localServers';
import { codeNode, manualTrigger, runWorkflow, userflowNode, workflow } from '../../../harness';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const NO_CHECK = { checkNameCase: false };

describe('Userflow node: checks before any request are n8n operation errors', () => {
	const emulator = useEmulator();

	it.each([
		['a blank ID in a preSend hook', { resource: 'user', operation: 'upsert', userId: ' ' }, 'User ID: is empty; give the ID used in your app'],
		['a bad value', { resource: 'user', operation: 'upsert', userId: 'u1', attributes: rows({ name: 'n', type: 'number', value: 'x' }) }, "Attributes › n: 'x' is not a number"],
		['a bad Limit in the pagination hook', { resource: 'user', operation: 'getAll', limit: 0 }, 'Limit: 0 is not a whole number of 1 or more'],
	])('%s: no HTTP code, no response data, no item number in the message', async (_case, parameters, message) => {
		const result = await runUserflow(emulator(), { ...parameters, options: NO_CHECK });
		const error = result.run.data.resultData.error as unknown as Record<string, unknown>;
		expect(error).toMatchObject({ name: 'NodeOperationError', message, description: 'Nothing was sent to Userflow for this item.' });
		expect(error.httpCode ?? null).toBeNull();
		expect((error.context as Record<string, unknown>).data).toBeUndefined();
		expect((error.messages as unknown[] | undefined) ?? []).toEqual([]);
		expect(String(error.message)).not.toMatch(/item/i);
		expect((error.context as Record<string, unknown>).itemIndex).toBe(0);
		expect(sent(emulator())).toEqual([]);
	});

	it('with Continue On Fail the item carries the operation error itself', async () => {
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'upsert', userId: ' ', options: NO_CHECK }, { continueOnFail: true });
		const [item] = result.outputOf('Userflow');
		expect(item.error?.name).toBe('NodeOperationError');
		expect(item.error?.message).toBe('User ID: is empty; give the ID used in your app');
	});

	it("a real Userflow error keeps Userflow's HTTP status and code", async () => {
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'getAll',
			limit: 5,
			filters: { email: 'a@b.c' },
			options: { orderBy: 'name' },
		});
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '400',
			message: expect.stringMatching(/^Userflow refused the request: order_by must be one of/),
			description: expect.stringContaining("Userflow's error code: invalid_params"),
		});
	});
});

describe('Userflow node: event errors', () => {
	const emulator = useEmulator();

	it.each([
		['an unknown user', { userId: 'ghost' }, "User 'ghost' does not exist in this Userflow environment; the event was not tracked"],
		['an unknown group', { userId: 'u1', groupId: 'nowhere' }, "Group 'nowhere' does not exist in this Userflow environment; the event was not tracked"],
		['both unknown', { userId: 'ghost', groupId: 'nowhere' }, "User 'ghost' and Group 'nowhere' do not exist in this Userflow environment; the event was not tracked"],
	])('a 404 names %s (looked up only after the 404)', async (_case, subjects, message) => {
		emulator().store.addUser('u1');
		const result = await runUserflow(emulator(), { resource: 'event', operation: 'track', eventName: 'paid', ...subjects, options: NO_CHECK });
		expect(result.error).toMatchObject({ message, httpCode: '404' });
		expect(sent(emulator())[0]).toMatchObject({ method: 'POST', path: '/events' });
		expect(sent(emulator()).slice(1).every((request) => request.method === 'GET')).toBe(true);
		expect(emulator().store.events).toEqual([]);
	});

	it('a tracked event costs no lookup', async () => {
		emulator().store.addUser('u1');
		await runUserflow(emulator(), { resource: 'event', operation: 'track', eventName: 'paid', userId: 'u1', options: NO_CHECK });
		expect(sent(emulator()).map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /events']);
	});
});

describe('Userflow node: the letter-case guard', () => {
	const emulator = useEmulator();

	it('checks the membership attribute names of a user upsert too', async () => {
		emulator().seedAttributeDefinitions([{ name: 'role', scope: 'group_membership' }]);
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'upsert',
			userId: 'u1',
			addToGroup: true,
			groupId: 'acme',
			membershipAttributes: rows({ name: 'Role', value: 'admin' }),
		});
		expect(result.error?.message).toBe(
			"Membership Attributes › Role: 'Role' differs only in letter case from the attribute 'role' that Userflow already knows. Names are case-sensitive: use 'role', or turn off \"Check Name Case\" under Options if 'Role' is meant to be new.",
		);
		expect(writes(emulator())).toEqual([]);
	});

	it('a failed lookup says the lookup failed, not the write, and each item gets its own error', async () => {
		emulator().configure({ faults: { serverErrorRate: 1 } });
		const result = await runUserflow(
			emulator(),
			{ resource: 'user', operation: 'upsert', userId: '={{ $json.id }}', attributes: rows({ name: 'plan', value: 'pro' }), rateLimitHandling: { maxRetries: 1 } },
			{ items: [{ id: 'u1' }, { id: 'u2' }], continueOnFail: true },
		);
		const output = result.outputOf('Userflow');
		for (const [index, item] of output.entries()) {
			expect(item.error?.message).toMatch(
				/^Could not check the name's letter case: the lookup of Userflow's attribute definitions failed \(Userflow answered with a server error \(50[03]\) after 2 attempts\)$/,
			);
			expect(item.error?.description).toContain('turn off "Check Name Case"');
			expect(item.error?.context.itemIndex).toBe(index);
		}
		expect(emulator().requests.every((request) => request.path === '/attribute_definitions')).toBe(true);
	});
});

describe('Userflow node: read-then-write operations under Continue On Fail', () => {
	const emulator = useEmulator();

	it('a failed read fails its item and nothing is written (it is not swallowed as {})', async () => {
		emulator().store.addUser('u2', { plan: 'free' });
		const result = await runUserflow(
			emulator(),
			{ resource: 'user', operation: 'update', userId: byId('={{ $json.id }}'), attributes: rows({ name: 'plan', value: 'pro' }), options: NO_CHECK },
			{ items: [{ id: 'ghost' }, { id: 'u2' }], continueOnFail: true },
		);
		const [ghost, real] = result.outputOf('Userflow');
		expect(ghost.error?.message).toBe("User 'ghost' does not exist in this Userflow environment");
		expect(real.json).toMatchObject({ id: 'u2', attributes: { plan: 'pro' } });
		expect(writes(emulator()).filter((request) => request.method === 'POST').map((request) => request.body)).toEqual([
			{ id: 'u2', attributes: { plan: 'pro' } },
		]);
		expect(emulator().store.users.has('ghost')).toBe(false);
	});

	it('a failed membership read fails Remove and prunes nothing', async () => {
		const result = await runUserflow(
			emulator(),
			{ resource: 'membership', operation: 'remove', userId: byId('ghost'), groupId: byId('acme') },
			{ continueOnFail: true },
		);
		expect(result.outputOf('Userflow')[0].error?.message).toBe("User 'ghost' does not exist in this Userflow environment");
		expect(sent(emulator()).map(({ method }) => method)).toEqual(['GET']);
	});
});

describe('Userflow node: membership Remove reads both shapes of memberships', () => {
	let server: LocalServer;
	afterEach(async () => await server.close());

	async function removeFrom(memberships: unknown[], groupId: string) {
		server = await scriptedServer((request) =>
			request.method === 'GET' ? { status: 200, body: { object: 'user', id: 'u1', memberships } } : { status: 200, body: { object: 'user', id: 'u1' } },
		);
		const run = await runWorkflow(
			workflow([manualTrigger(), userflowNode({ resource: 'membership', operation: 'remove', userId: byId('u1'), groupId: byId(groupId) })]),
			{ credentials: { userflowApi: { apiKey: 'ak_shapes_test_key', baseUrl: server.url } } },
		);
		const writes = server.received.filter((request) => request.method === 'POST').map((request) => JSON.parse(request.body) as unknown);
		return { run, writes };
	}

	it('a membership given only as `group: {id}` is found and removed; the others are kept', async () => {
		const { run, writes } = await removeFrom([{ group: { id: 'g1' } }, { group_id: 'g2', group: { id: 'g2' } }, { group_id: 'g3' }], 'g1');
		expect(run.status).toBe('success');
		expect(writes).toEqual([{ id: 'u1', groups: [{ id: 'g2' }, { id: 'g3' }], prune_memberships: true }]);
	});

	it('a membership given only as `group_id` is found and removed', async () => {
		const { writes } = await removeFrom([{ group: { id: 'g1' } }, { group_id: 'g3' }], 'g3');
		expect(writes).toEqual([{ id: 'u1', groups: [{ id: 'g1' }], prune_memberships: true }]);
	});

	it('a membership without any group id stops the removal instead of pruning it away', async () => {
		const { run, writes } = await removeFrom([{ group: { id: 'g1' } }, { attributes: { role: 'x' } }], 'g1');
		expect(run.error?.message).toBe("Userflow answered with a membership without its group's id; nothing was removed");
		expect(writes).toEqual([]);
	});
});

describe('Userflow node: the API key never appears in an error, whatever its shape', () => {
	let server: LocalServer;
	afterEach(async () => await server.close());

	it('a key echoed back by the server is removed from the message, the description and the body', async () => {
		// Not `ak_`-shaped, with `-` and `_` inside: only redaction by value removes all of it.
		const key = 'live-Key_with-dashes_and_underscores-42';
		server = await scriptedServer((request) => ({
			status: 400,
			body: { error: { code: 'invalid_params', message: `Rejected ${String(request.headers.authorization)} for this request` } },
		}));
		const run = await runWorkflow(
			workflow([manualTrigger(), codeNode('return [{ json: { id: "u1" } }];'), userflowNode({ resource: 'user', operation: 'get', userId: byId('u1') })]),
			{ credentials: { userflowApi: { apiKey: key, baseUrl: server.url } } },
		);
		expect(run.error?.message).toBe('Userflow refused the request: Rejected Bearer *** for this request');
		const everything = JSON.stringify(run.run.data.resultData);
		for (const part of [key, 'dashes_and', '-42', 'Key_with']) expect(everything).not.toContain(part);
	});
});
