/** The small parts on their own: topics, the signature check's limits, the bounded memory, the pickers. */
import { createHmac } from 'node:crypto';

import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { startEmulator, type UserflowEmulator } from '../../../emulator';
import { isSelected, sameTopics, topicsOf } from '../../../nodes/UserflowWebhookTrigger/events';
import { claimNotification, forgetProcessMemory, REMEMBERED_NOTIFICATIONS } from '../../../nodes/UserflowWebhookTrigger/delivery/recentNotifications';
import { checkSignature } from '../../../nodes/UserflowWebhookTrigger/delivery/signature';
import { getChangedAttributeNames } from '../../../nodes/UserflowWebhookTrigger/methods/getChangedAttributeNames';
import { searchEventNames } from '../../../nodes/UserflowWebhookTrigger/methods/searchEventNames';
import { UserflowWebhookTrigger } from '../../../nodes/UserflowWebhookTrigger/UserflowWebhookTrigger.node';
import { createAdditionalData } from '../../harness/additional-data';
import { createCredentialsHelper, HarnessNodeTypes, packageNodeTypes, USERFLOW_CREDENTIAL_REFERENCE } from '../../harness';

describe('topics', () => {
	it('are exactly the selection: one per event, one per specific name, never a wildcard', () => {
		expect(topicsOf(['user.updated', 'group.created'], [])).toEqual(['group.created', 'user.updated']);
		expect(topicsOf(['specificEvents'], ['flow_completed', 'question_answered'])).toEqual([
			'event.tracked.flow_completed',
			'event.tracked.question_answered',
		]);
		expect(topicsOf(['user.created', 'user.updated', 'group.created', 'group.updated', 'event.tracked'], [])).not.toContain('*');
		// Names are kept only while Specific Events is chosen.
		expect(topicsOf(['user.created'], ['flow_completed'])).toEqual(['user.created']);
	});

	it('compare as sets', () => {
		expect(sameTopics(['a', 'b'], ['b', 'a', 'a'])).toBe(true);
		expect(sameTopics(['a'], ['a', 'b'])).toBe(false);
	});

	it('a received notification is the node\'s only when its event was chosen', () => {
		expect(isSelected(['user.created'], [], 'user.created', undefined)).toBe(true);
		expect(isSelected(['user.created'], [], 'user.updated', undefined)).toBe(false);
		expect(isSelected(['event.tracked'], [], 'event.tracked.anything', 'anything')).toBe(true);
		expect(isSelected(['specificEvents'], ['a'], 'event.tracked', 'a')).toBe(true);
		expect(isSelected(['specificEvents'], ['a'], 'event.tracked.a', undefined)).toBe(true);
		expect(isSelected(['specificEvents'], ['a'], 'event.tracked.b', 'b')).toBe(false);
		expect(isSelected(['user.created', 'event.tracked'], [], '*', undefined)).toBe(false);
	});
});

describe('signature check', () => {
	const body = Buffer.from('{"id":"n1"}');
	const sign = (secret: string, t: number) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex')}`;
	const now = 1_800_000_000_000;

	it('accepts up to exactly 300 s either way', () => {
		for (const offset of [-300, 0, 300]) expect(checkSignature(sign('s', now / 1000 + offset), body, 's', now)).toEqual({ valid: true });
		for (const offset of [-301, 301]) expect(checkSignature(sign('s', now / 1000 + offset), body, 's', now)).toEqual({ valid: false, reason: 'stale' });
	});

	it('takes the header as Node gives repeated headers (a list) too', () => {
		expect(checkSignature([sign('s', now / 1000)], body, 's', now)).toEqual({ valid: true });
	});
});

describe('redelivery memory', () => {
	beforeEach(() => forgetProcessMemory());

	it('keeps the last 1,000 ids per subscription, in static data and in this process', () => {
		const staticData: IDataObject = {};
		for (let i = 0; i <= REMEMBERED_NOTIFICATIONS; i++) expect(claimNotification(staticData, 'whs_1', `n${i}`)).toBe(true);
		expect(staticData.recentNotificationIds).toHaveLength(REMEMBERED_NOTIFICATIONS);
		expect(claimNotification(staticData, 'whs_1', `n${REMEMBERED_NOTIFICATIONS}`)).toBe(false);
		// n0 fell out of both memories; n1 is still known.
		expect(claimNotification(staticData, 'whs_1', 'n1')).toBe(false);
		expect(claimNotification(staticData, 'whs_1', 'n0')).toBe(true);
	});

	it('separates subscriptions in this process (a test subscription never hides a published one\'s notification)', () => {
		expect(claimNotification({}, 'whs_test', 'n1')).toBe(true);
		expect(claimNotification({}, 'whs_production', 'n1')).toBe(true);
	});
});

describe('pickers, in n8n-core\'s load-options context', () => {
	let emulator: UserflowEmulator;
	beforeEach(async () => (emulator = await startEmulator()));
	afterEach(async () => await emulator.close());

	function context() {
		const node: INode = {
			id: 'n1',
			name: 'Userflow Webhook Trigger',
			type: 'n8n-nodes-userflow.userflowWebhookTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { events: ['specificEvents'] },
			credentials: USERFLOW_CREDENTIAL_REFERENCE,
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new HarnessNodeTypes(packageNodeTypes(new UserflowWebhookTrigger())) });
		const additionalData = createAdditionalData(createCredentialsHelper({ userflowApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } }));
		return new LoadOptionsContext(workflow, node, additionalData, 'parameters.specificEvents');
	}

	it('Specific Events lists the environment\'s event names and Userflow\'s built-in ones, filtered', async () => {
		emulator.seedEventDefinitions([{ name: 'document_created', display_name: 'Document created' }, { name: 'flow_completed' }]);
		const all = await searchEventNames.call(context());
		const values = all.results.map((r) => r.value);
		expect(values).toContain('document_created');
		expect(values).toContain('question_answered');
		expect(values.filter((v) => v === 'flow_completed')).toHaveLength(1);
		expect(all.results.find((r) => r.value === 'document_created')?.name).toBe('Document created (document_created)');
		expect(all.results.find((r) => r.value === 'banner_seen')?.name).toBe('banner_seen (built-in)');
		const filtered = await searchEventNames.call(context(), 'DOCUMENT');
		expect(filtered.results.map((r) => r.value)).toEqual(['document_created']);
		expect(emulator.requests.every((r) => r.headers['userflow-version'] === '2020-01-03')).toBe(true);
	});

	it('Only When These Attributes Changed lists user and group attributes once each', async () => {
		emulator.seedAttributeDefinitions([
			{ name: 'plan', scope: 'user' },
			{ name: 'plan', scope: 'group' },
			{ name: 'seats', scope: 'group', data_type: 'number' },
			{ name: 'role', scope: 'group_membership' },
		]);
		const options = await getChangedAttributeNames.call(context());
		expect(options.map((o) => o.value)).toEqual(['plan', 'seats']);
		expect(options[0].description).toContain('also a group attribute');
	});
});
