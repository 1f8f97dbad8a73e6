/**
 * One run per operation of each node version, with the parameters a user would set (the
 * defaults otherwise, Simplify included), against the sample environment.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { NodeVersion } from '../../nodes/Userflow/shared/description/nodeVersion';
import type { TriggerEvent } from '../../nodes/UserflowTrigger/events';
import { SAMPLE } from './sampleEnvironment';

const locator = (value: string): INodeParameters => ({ __rl: true, mode: 'id', value });

/** Version 1 shipped plain text for IDs that may be new (upsert, track); locators elsewhere. */
const possiblyNew = (version: NodeVersion, value: string) => (version === 1 ? value : locator(value));

const user = locator(SAMPLE.userId);
const group = locator(SAMPLE.groupId);

export const OPERATION_RUNS: Record<string, (version: NodeVersion) => INodeParameters> = {
	'user:upsert': (v) => ({ userId: possiblyNew(v, SAMPLE.userId), attributeInput: 'json', attributesJson: '{"plan": "pro"}' }),
	'user:update': () => ({ userId: user, attributeInput: 'json', attributesJson: '{"plan": "pro"}' }),
	'user:get': () => ({ userId: user }),
	'user:getAll': () => ({}),
	'user:delete': () => ({ userId: user }),
	'group:upsert': (v) => ({ groupId: possiblyNew(v, SAMPLE.groupId), attributeInput: 'json', attributesJson: '{"seats": 5}' }),
	'group:update': () => ({ groupId: group, attributeInput: 'json', attributesJson: '{"seats": 5}' }),
	'group:get': () => ({ groupId: group }),
	'group:getAll': () => ({}),
	'group:delete': () => ({ groupId: group }),
	'membership:add': () => ({
		userId: user,
		groupId: group,
		membershipAttributeInput: 'json',
		membershipAttributesJson: '{"role": "admin"}',
		groupAttributeInput: 'json',
		groupAttributesJson: '{"name": "Acme Inc"}',
	}),
	'membership:remove': () => ({ userId: user, groupId: group }),
	'membership:getAll': () => ({ userId: user }),
	'event:track': (v) => ({
		eventName: v === 1 ? 'document_created' : { __rl: true, mode: 'list', value: 'document_created' },
		userId: possiblyNew(v, SAMPLE.userId),
		groupId: possiblyNew(v, SAMPLE.groupId),
		attributeInput: 'json',
		attributesJson: '{"doc_type": "report", "pages": 12}',
	}),
	'content:get': () => ({ contentId: locator(SAMPLE.contentId) }),
	'content:getAll': () => ({}),
	'contentSession:getAll': () => ({ contentId: locator(SAMPLE.contentId) }),
	'attributeDefinition:getAll': () => ({}),
	'eventDefinition:getAll': () => ({}),
};

/** The trigger's events, as "Fetch Test Event" returns them (Simplify on, the default). */
export const TRIGGER_EVENTS: TriggerEvent[] = ['newUser', 'newGroup', 'newContentSession', 'completedContentSession'];
