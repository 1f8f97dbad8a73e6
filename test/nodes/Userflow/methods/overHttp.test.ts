/**
 * The methods as n8n's editor runs them: n8n-core's LoadOptionsContext (real HTTP helpers,
 * the credential's generic authenticate) against the emulator over HTTP.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { listSearch, loadOptions } from '../../../../nodes/Userflow/methods';
import { createAdditionalData } from '../../../harness/additional-data';
import { createCredentialsHelper, HarnessNodeTypes, loadPackageNodeTypes, USERFLOW_CREDENTIAL_REFERENCE, USERFLOW_NODE_TYPE } from '../../../harness';
import { recordingServer } from '../localServers';
import { sent, useEmulator } from '../readOnly/helpers';

describe('methods over HTTP, in n8n-core\'s load-options context', () => {
	const emulator = useEmulator();

	function loadOptionsContext(typeVersion = 1, parameters: INode['parameters'] = { resource: 'user', operation: 'get' }): ILoadOptionsFunctions {
		const node: INode = {
			id: 'node-1',
			name: 'Userflow',
			type: USERFLOW_NODE_TYPE,
			typeVersion,
			position: [0, 0],
			parameters,
			credentials: USERFLOW_CREDENTIAL_REFERENCE,
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: new HarnessNodeTypes(loadPackageNodeTypes().types),
		});
		const additionalData = createAdditionalData(
			createCredentialsHelper({ userflowApi: { apiKey: emulator().apiKey, baseUrl: emulator().baseUrl } }),
		);
		// What the editor sends along with a search: the parameters of the node being edited.
		additionalData.currentNodeParameters = parameters;
		return new LoadOptionsContext(workflow, node, additionalData, 'parameters.userId');
	}

	it('searchUsers sends Userflow\'s headers and finds a user by name', async () => {
		emulator().store.addUser('u_1', { name: 'Ava Lovelace', email: 'ava@example.com' });
		emulator().store.addUser('u_2', { name: 'Bo', email: 'bo@example.com' });
		const found = await listSearch.searchUsers.call(loadOptionsContext(), 'LOVE');
		expect(found.results).toEqual([{ name: 'Ava Lovelace (ava@example.com, u_1)', value: 'u_1' }]);
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/users', query: { order_by: '-created_at', limit: '100' } },
			{ method: 'GET', path: '/users/LOVE', query: {} },
		]);
		for (const request of emulator().requests) {
			expect(request.headers.authorization).toBe(`Bearer ${emulator().apiKey}`);
			expect(request.headers['userflow-version']).toBe('2020-01-03');
		}
	});

	it('searchUsers uses the exact email filter', async () => {
		emulator().store.addUser('u_1', { name: 'Ava', email: 'ava@example.com' });
		const found = await listSearch.searchUsers.call(loadOptionsContext(), 'ava@example.com');
		expect(found.results.map((result) => result.value)).toEqual(['u_1']);
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/users', query: { email: 'ava@example.com', limit: '100' } },
		]);
	});

	it('searchGroups and searchContent list what the emulator holds', async () => {
		emulator().seedGroups(3);
		emulator().seedContent(2, { type: 'checklist' });
		expect((await listSearch.searchGroups.call(loadOptionsContext())).results.map((r) => r.value)).toEqual([
			'group_3',
			'group_2',
			'group_1',
		]);
		expect((await listSearch.searchContent.call(loadOptionsContext())).results).toEqual([
			{ name: 'Checklist content_1 (checklist)', value: 'content_1' },
			{ name: 'Checklist content_2 (checklist)', value: 'content_2' },
		]);
	});

	it('version 1 name dropdowns read the definitions of the right scope', async () => {
		emulator().seedAttributeDefinitions([
			{ name: 'plan', scope: 'user', data_type: 'string' },
			{ name: 'seats', scope: 'group', data_type: 'number' },
			{ name: 'role', scope: 'group_membership' },
		]);
		const context = loadOptionsContext();
		expect((await loadOptions.getAttributeNamesOfResource.call(context)).map((o) => o.value)).toEqual(['plan']);
		expect((await loadOptions.getGroupAttributeNames.call(context)).map((o) => o.value)).toEqual(['seats']);
		expect((await loadOptions.getMembershipAttributeNames.call(context)).map((o) => o.value)).toEqual(['role']);
		expect(sent(emulator()).map((request) => request.query.scope)).toEqual(['user', 'group', 'group_membership']);
	});

	it('version 2 name locators read the right scope (the resource of the node being edited) and the event names', async () => {
		emulator().seedAttributeDefinitions([
			{ name: 'plan', scope: 'user', data_type: 'string' },
			{ name: 'seats', scope: 'group', data_type: 'number' },
			{ name: 'role', scope: 'group_membership' },
		]);
		emulator().seedEventDefinitions([{ name: 'Feature_Activated' }]);
		const group = loadOptionsContext(2, { resource: 'group', operation: 'upsert' });
		expect((await listSearch.searchAttributeNamesOfResource.call(group)).results).toEqual([{ name: 'Seats (seats) · number', value: 'seats' }]);
		const membership = loadOptionsContext(2, { resource: 'membership', operation: 'add' });
		expect((await listSearch.searchMembershipAttributeNames.call(membership, 'rol')).results.map((r) => r.value)).toEqual(['rol', 'role']);
		expect((await listSearch.searchGroupAttributeNames.call(membership, 'name')).results).toEqual([
			{ name: 'name (new attribute)', value: 'name' },
		]);
		const track = loadOptionsContext(2, { resource: 'event', operation: 'track' });
		expect((await listSearch.searchEventNames.call(track, 'feature')).results).toEqual([
			{ name: 'feature (new event)', value: 'feature' },
			{ name: 'Feature Activated (Feature_Activated)', value: 'Feature_Activated' },
		]);
		expect(sent(emulator()).map((request) => request.query.scope ?? request.path)).toEqual([
			'group',
			'group_membership',
			'group',
			'/event_definitions',
		]);
	});

	it('every search and dropdown refuses a redirect: the editor shows why, nothing reaches its target', async () => {
		const target = await recordingServer();
		try {
			emulator().configure({ redirect: { status: 302, location: `${target.url}/collect?key=secret` } });
			const context = loadOptionsContext(2, { resource: 'user', operation: 'upsert' });
			const calls: Array<[string, () => Promise<unknown>]> = [
				...Object.entries(listSearch).map(([name, method]): [string, () => Promise<unknown>] => [name, async () => await method.call(context, 'a')]),
				...Object.entries(loadOptions).map(([name, method]): [string, () => Promise<unknown>] => [name, async () => await method.call(context)]),
			];
			for (const [name, call] of calls) {
				expect({ name, outcome: await call().then(() => 'answered', (error: Error) => error.message) }).toEqual({
					name,
					outcome: `Userflow's address answered with a redirect (302) to ${target.url}; redirects are not followed`,
				});
			}
			expect(target.received).toEqual([]);
			expect(emulator().requests.every((request) => request.status === 302)).toBe(true);
		} finally {
			await target.close();
		}
	});
});
