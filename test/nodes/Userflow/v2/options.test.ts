/**
 * Version 2 has one Options collection per operation, rate limit settings included; version 1
 * keeps its separate "Rate Limit Handling". One reader serves both.
 */
import { NodeHelpers, type INodeProperties } from 'n8n-workflow';

import { Userflow } from '../../../../nodes/Userflow/Userflow.node';
import { rateLimitOptions } from '../../../../nodes/Userflow/shared/fields/rateLimitOptions';
import { DEFAULT_RETRY_LIMITS } from '../../../../nodes/Userflow/shared/transport/retryPolicy';
import { readPacingSettings } from '../../../../nodes/Userflow/shared/transport/pacingOptions';
import { locator, runUserflow, useEmulator } from '../engineHelpers';

const node = new Userflow();
const v2 = NodeHelpers.getVersionedNodeType(node, 2).description;

/** A getNodeParameter over saved parameters, with n8n's fallback rule. */
const reader = (parameters: Record<string, unknown>) => ({
	getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
});

describe('version 2 Options', () => {
	it('every operation has one Options collection holding the rate limit settings, in alphabetical order', () => {
		expect(v2.properties.some((property) => property.name === 'rateLimitHandling')).toBe(false);
		const operations = v2.properties.filter((property) => property.name === 'operation');
		let checked = 0;
		for (const operation of operations) {
			for (const resource of operation.displayOptions!.show!.resource as string[]) {
				for (const { value } of operation.options as Array<{ value: string }>) {
					const shown = v2.properties.filter(
						(property) =>
							property.name === 'options' &&
							NodeHelpers.displayParameter({ resource, operation: value }, property, null, v2),
					);
					expect(shown).toHaveLength(1);
					const names = (shown[0].options as INodeProperties[]).map((option) => option.displayName);
					expect(names).toEqual(expect.arrayContaining(['Max Requests per Second', 'Max Retries', 'Max Wait (Seconds)']));
					expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
					expect(shown[0].placeholder).toBe('Add option');
					checked++;
				}
			}
		}
		expect(checked).toBe(19);
	});

	it('no field says "0 means automatic": left out, the node finds the limit; the defaults are the layer\'s', () => {
		const [perSecond, retries, wait] = rateLimitOptions;
		expect(perSecond.default).toBeGreaterThan(0);
		expect(retries.default).toBe(DEFAULT_RETRY_LIMITS.maxRetries);
		expect(wait.default).toBe(DEFAULT_RETRY_LIMITS.maxWaitMs / 1000);
	});

	it('one reader: version 2 Options, version 1 Rate Limit Handling (which wins where it exists)', () => {
		expect(readPacingSettings(reader({ options: { maxRequestsPerSecond: 4, maxRetries: 2, maxWaitSeconds: 5 } }))).toEqual({
			maxPerSecond: 4,
			limits: { maxRetries: 2, maxWaitMs: 5000 },
		});
		expect(readPacingSettings(reader({ options: { checkNameCase: true } }))).toEqual({
			maxPerSecond: undefined,
			limits: DEFAULT_RETRY_LIMITS,
		});
		expect(
			readPacingSettings(reader({ rateLimitHandling: { maxRetries: 1 }, options: { maxRetries: 7, maxRequestsPerSecond: 3 } })),
		).toEqual({ maxPerSecond: undefined, limits: { maxRetries: 1, maxWaitMs: DEFAULT_RETRY_LIMITS.maxWaitMs } });
	});

	describe('through the engine', () => {
		const emulator = useEmulator();

		it('Max Retries in version 2 Options is honoured', async () => {
			emulator().store.addUser('u1');
			emulator().configure({ faults: { serverErrorRate: 1 } });
			const result = await runUserflow(
				emulator(),
				{ resource: 'user', operation: 'get', userId: locator('u1', 'list'), options: { maxRetries: 2, maxWaitSeconds: 120 } },
				{ typeVersion: 2, continueOnFail: true },
			);
			expect(result.itemsOf('Userflow')[0]).toHaveProperty('error');
			// The first try and two retries.
			expect(emulator().requests.filter((request) => request.path === '/users/u1')).toHaveLength(3);
		});
	});
});
