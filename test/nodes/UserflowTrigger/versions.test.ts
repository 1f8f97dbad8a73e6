/**
 * Version 1.1 of the trigger shows one Options box (issue 10); version 1 keeps what saved
 * workflows were built with, Rate Limit Handling included, and its saved values keep working.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NodeHelpers, type INode, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { Userflow } from '../../../nodes/Userflow/Userflow.node';
import { UserflowTrigger } from '../../../nodes/UserflowTrigger/UserflowTrigger.node';
import { createPoller } from '../../harness';
import { at, drain, useKit } from './pollTestKit';

const kit = useKit();
const description = new UserflowTrigger().description;

/** What the editor (and n8n's loader) keeps of a node's parameters at this version: the shown ones, defaults filled in. */
function resolvedParameters(typeVersion: number, parameters: INodeParameters = {}): INodeParameters {
	const node = { typeVersion, parameters } as unknown as INode;
	return NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description)!;
}

/** The properties version 1 shows, as the 0.1.0 description declared them (no @version conditions). */
function propertiesOfVersion1(): INodeProperties[] {
	return description.properties
		.filter((property) => {
			const versions = property.displayOptions?.show?.['@version'];
			return !versions || versions.includes(1);
		})
		.map((property) => {
			const show = { ...property.displayOptions?.show };
			delete show['@version'];
			const copy = { ...property };
			delete copy.displayOptions;
			return Object.keys(show).length > 0 ? { ...copy, displayOptions: { ...property.displayOptions, show } } : copy;
		});
}

function triggerPoller(parameters: INodeParameters, typeVersion: number) {
	return createPoller(new UserflowTrigger(), { event: 'newUser', ...parameters }, {
		credentials: { userflowApi: { apiKey: kit.emulator.apiKey, baseUrl: kit.emulator.baseUrl } },
		typeVersion,
	});
}

describe('Userflow Trigger versions: what the editor shows', () => {
	it('gives new triggers version 1.1 and knows version 1', () => {
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
	});

	it('keeps version 1 as 0.1.0 shipped it: Options, then Rate Limit Handling', () => {
		const shipped = JSON.parse(readFileSync(join(__dirname, '../../fixtures/v1/userflow-trigger-description.json'), 'utf8'));
		expect(JSON.parse(JSON.stringify(propertiesOfVersion1()))).toEqual(shipped.properties);
		expect(Object.keys(resolvedParameters(1))).toEqual(['event', 'simplify', 'options', 'rateLimitHandling']);
	});

	it('version 1.1 has one Options box holding the rate limit settings, named and ordered as in the Userflow node v2', () => {
		expect(Object.keys(resolvedParameters(1.1))).toEqual(['event', 'simplify', 'options']);
		const collections = description.properties.filter(
			(property) => property.type === 'collection' && !property.displayOptions?.show?.['@version']?.includes(1),
		);
		expect(collections.map((property) => property.name)).toEqual(['options']);
		const shown = collections[0].options as INodeProperties[];
		expect(shown.map((option) => option.displayName)).toEqual(['Max Pages per Poll', 'Max Requests per Second', 'Max Retries', 'Max Wait (Seconds)']);

		const v2 = NodeHelpers.getVersionedNodeType(new Userflow(), 2).description.properties;
		const v2Options = v2.find((property) => property.name === 'options')!.options as INodeProperties[];
		for (const option of shown.slice(1)) expect(option).toEqual(v2Options.find((candidate) => candidate.name === option.name));
	});
});

describe('Userflow Trigger versions: saved settings are used', () => {
	/** A poll against a Userflow that always fails with 500: how many requests it sent. */
	async function attemptsOfFailingPoll(parameters: INodeParameters, typeVersion: number): Promise<number> {
		kit.emulator.store.addUser('seed', {}, at(0));
		kit.emulator.configure({ faults: { serverErrorRate: 1 } });
		const poller = triggerPoller(parameters, typeVersion);
		kit.emulator.clearRequests();
		await expect(poller.poll()).rejects.toThrow();
		return kit.emulator.requests.length;
	}

	it('version 1: a workflow saved with Rate Limit Handling keeps its Max Retries', async () => {
		// As 0.1.0 saved it: Options holds Max Pages only, the retry settings sit in Rate Limit Handling.
		const saved = { options: { maxPagesPerPoll: 3 }, rateLimitHandling: { maxRetries: 2, maxWaitSeconds: 20 } };
		expect(await attemptsOfFailingPoll(saved, 1)).toBe(3);
	});

	it('version 1.1: the same settings in Options; a leftover Rate Limit Handling is not read', async () => {
		const parameters = { options: { maxRetries: 2, maxWaitSeconds: 20 }, rateLimitHandling: { maxRetries: 0 } };
		expect(await attemptsOfFailingPoll(parameters, 1.1)).toBe(3);
	});

	it('version 1: Max Pages per Poll is read from its Options', async () => {
		kit.emulator.store.addUser('seed', {}, at(0));
		const poller = triggerPoller({ options: { maxPagesPerPoll: 1 }, rateLimitHandling: {} }, 1);
		await poller.poll();
		for (let i = 1; i <= 150; i++) kit.emulator.store.addUser(`new${i}`, {}, at(1000 + i));
		// One list request per poll (Max Pages 1): the 150 new users take several polls, none lost.
		const polls = await drain(kit, poller);
		expect(polls.every((poll) => poll.requests === 1)).toBe(true);
		expect(polls.length).toBeGreaterThan(2);
		expect(polls.flatMap((poll) => poll.ids).sort()).toEqual(Array.from({ length: 150 }, (_, i) => `new${i + 1}`).sort());
	});
});
