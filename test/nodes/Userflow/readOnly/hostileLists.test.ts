/**
 * Every page loop of the node under hostile list answers, through n8n's engine (and the
 * editor's load-options context for the list searches): a malformed "successful" answer
 * fails the item, a list that never ends or ignores its cursor stops with a clear error
 * after a bounded number of requests.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { MalformedAnswerKind } from '../../../../emulator';
import { loadOptions, listSearch } from '../../../../nodes/Userflow/methods';
import { PageLimitError, PageWalk } from '../../../../nodes/Userflow/shared/transport/pageWalk';
import { createAdditionalData } from '../../../harness/additional-data';
import { createCredentialsHelper, HarnessNodeTypes, loadPackageNodeTypes, USERFLOW_CREDENTIAL_REFERENCE, USERFLOW_NODE_TYPE } from '../../../harness';
import { manualTrigger, runWorkflow, userflowNode, workflow } from '../../../harness';
import { rows, runUserflow, sent, useEmulator } from '../engineHelpers';
import { scriptedServer } from '../localServers';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Get Many under malformed list answers', () => {
	const emulator = useEmulator();

	it.each<[MalformedAnswerKind, string]>([
		['noData', 'Userflow answered with success but not with a list: it has no data list'],
		['html', 'Userflow answered with success, but the answer is an HTML page'],
		['errorBody', 'Userflow answered with success but not with a list: it is an error (internal_error): Something went wrong'],
		['missingIds', 'Userflow answered with a list whose item 1 has no id'],
	])('%s fails the item instead of returning nothing', async (kind, message) => {
		emulator().seedUsers(3);
		emulator().configure({ malformed: { kind } });
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'getAll', returnAll: true });
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toMatch(/Base URL/);
		expect(sent(emulator())).toHaveLength(1);
	});

	it('has_more forever: Return All stops at the first empty page that claims more', async () => {
		emulator().seedUsers(230, { idPrefix: 'u' });
		emulator().configure({ malformed: { kind: 'hasMoreForever' } });
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'getAll', returnAll: true });
		expect(result.error?.message).toBe('Userflow said there are more records but sent an empty page; stopped instead of asking forever');
		expect(sent(emulator())).toHaveLength(4);
	});

	it('a server that ignores starting_after: Return All stops on the second page', async () => {
		emulator().seedUsers(230, { idPrefix: 'u' });
		emulator().configure({ malformed: { kind: 'ignoreStartingAfter' } });
		const result = await runUserflow(emulator(), { resource: 'group', operation: 'getAll', returnAll: true });
		expect(result.status).toBe('success');
		const users = await runUserflow(emulator(), { resource: 'user', operation: 'getAll', returnAll: true, options: { orderBy: 'created_at' } });
		expect(users.error?.message).toBe(
			"Userflow ignored the list position: the page after 'u100' contains 'u100' itself; stopped instead of reading the same records again",
		);
		expect(sent(emulator()).filter((request) => request.path === '/users')).toHaveLength(2);
	});

	it('a single object that is an HTML page (a proxy answering) fails the item', async () => {
		const server = await scriptedServer(() => ({ status: 200, body: '<html><body>Sign in</body></html>', headers: { 'Content-Type': 'text/html' } }));
		try {
			const run = await runWorkflow(workflow([manualTrigger(), userflowNode({ resource: 'user', operation: 'get', userId: byId('u1') })]), {
				credentials: { userflowApi: { apiKey: 'ak_html_test_key', baseUrl: server.url } },
			});
			expect(run.error?.message).toBe('Userflow answered with success, but the answer is an HTML page');
		} finally {
			await server.close();
		}
	});

	it.each([
		['204 without a body', { status: 204 }, true],
		['200 with a word of text', { status: 200, body: 'OK', headers: { 'Content-Type': 'text/plain' } }, true],
		['200 with a small JSON', { status: 200, body: { deleted: true } }, true],
		['200 with an HTML page (a proxy answering)', { status: 200, body: '<html><body>Sign in</body></html>', headers: { 'Content-Type': 'text/html' } }, false],
	] as const)('a Delete answered %s: done, unless the answer is an HTML page', async (_label, answer, done) => {
		const server = await scriptedServer(() => ({ ...answer, headers: { ...('headers' in answer ? answer.headers : {}) } }));
		try {
			const run = await runWorkflow(workflow([manualTrigger(), userflowNode({ resource: 'user', operation: 'delete', userId: byId('u1') })]), {
				credentials: { userflowApi: { apiKey: 'ak_delete_test_key', baseUrl: server.url } },
			});
			if (done) expect(run.itemsOf('Userflow')).toEqual([{ deleted: true, id: 'u1' }]);
			else expect(run.error?.message).toBe('Userflow answered with success, but the answer is an HTML page');
			expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual(['DELETE /users/u1']);
		} finally {
			await server.close();
		}
	});

	it('the letter-case guard stops on a definitions list that never ends, and says the lookup failed', async () => {
		emulator().seedAttributeDefinitions(Array.from({ length: 150 }, (_, i) => ({ name: `a_${i}`, scope: 'user' as const })));
		emulator().configure({ malformed: { kind: 'ignoreStartingAfter', paths: ['/attribute_definitions'] } });
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'upsert', userId: 'u1', attributes: rows({ name: 'plan', value: 'pro' }) });
		expect(result.error?.message).toMatch(/^Could not check the name's letter case: the lookup of Userflow's attribute definitions failed \(Userflow ignored the list position/);
		expect(sent(emulator()).filter((request) => request.path === '/attribute_definitions')).toHaveLength(2);
		expect(emulator().store.users.size).toBe(0);
	});
});

describe('the editor\'s lists under hostile answers', () => {
	const emulator = useEmulator();

	function context() {
		const node: INode = {
			id: 'node-1',
			name: 'Userflow',
			type: USERFLOW_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { resource: 'user', operation: 'upsert' },
			credentials: USERFLOW_CREDENTIAL_REFERENCE,
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new HarnessNodeTypes(loadPackageNodeTypes().types) });
		const additionalData = createAdditionalData(createCredentialsHelper({ userflowApi: { apiKey: emulator().apiKey, baseUrl: emulator().baseUrl } }));
		return new LoadOptionsContext(workflow, node, additionalData, 'parameters.userId');
	}

	it('an option list that never ends is cut at 50 pages, never read forever', async () => {
		emulator().seedAttributeDefinitions([{ name: 'plan', scope: 'group' }]);
		emulator().configure({ malformed: { kind: 'hasMoreForever' } });
		await expect(loadOptions.getGroupAttributeNames.call(context())).rejects.toThrow('Userflow said there are more records but sent an empty page');
		expect(sent(emulator())).toHaveLength(2);
	});

	it('a search against a server that ignores the cursor stops with an error', async () => {
		emulator().seedUsers(300, { idPrefix: 'u' });
		emulator().configure({ malformed: { kind: 'ignoreStartingAfter' } });
		await expect(listSearch.searchUsers.call(context(), 'zzz-no-match')).rejects.toThrow(/^Userflow ignored the list position/);
		expect(sent(emulator()).length).toBeLessThanOrEqual(3);
	});

	it('a search does not look up "." or ".." as a user ID', async () => {
		await listSearch.searchUsers.call(context(), '..');
		await listSearch.searchGroups.call(context(), '.');
		expect(sent(emulator()).map(({ path }) => path)).toEqual(['/users', '/groups']);
	});
});

describe('PageWalk: the hard cap on pages', () => {
	it('stops with the cap message once a walk reaches its cap', () => {
		const walk = new PageWalk(3, (pages) => `stopped after ${pages} pages; use Limit`);
		const page = (n: number) => ({ data: [{ id: `r${n}` }], hasMore: true });
		expect(walk.next(page(1), undefined)).toBe('r1');
		expect(walk.next(page(2), 'r1')).toBe('r2');
		expect(() => walk.next(page(3), 'r2')).toThrow(new PageLimitError('stopped after 3 pages; use Limit'));
	});

	it('Get Many with Return All is capped at 10,000 pages, with an error that says to use Limit', async () => {
		const { MAX_GET_MANY_PAGES } = await import('../../../../nodes/Userflow/shared/hooks/paginateList');
		expect(MAX_GET_MANY_PAGES).toBe(10_000);
	});
});
