import { findCaseMismatch } from '../../../../../nodes/Userflow/shared/guards/caseMismatch';
import {
	cachedDefinitions,
	clearDefinitionsCache,
	credentialFingerprint,
} from '../../../../../nodes/Userflow/shared/guards/definitionsCache';

describe('findCaseMismatch', () => {
	it('names the known name that differs only in case', () => {
		expect(findCaseMismatch('Feature_Activated', ['flow_started', 'feature_activated'])).toBe('feature_activated');
	});

	it('an exact match or a new name is fine, even when a case variant also exists', () => {
		expect(findCaseMismatch('feature_activated', ['Feature_Activated', 'feature_activated'])).toBeUndefined();
		expect(findCaseMismatch('brand_new', ['feature_activated'])).toBeUndefined();
		expect(findCaseMismatch('x', [])).toBeUndefined();
	});
});

describe('definitions cache', () => {
	beforeEach(() => clearDefinitionsCache());

	it('loads once per key, however many items ask at once', async () => {
		const load = jest.fn(async () => ['a']);
		const results = await Promise.all([1, 2, 3].map(async () => await cachedDefinitions('exec-1:k', load)));
		expect(results).toEqual([['a'], ['a'], ['a']]);
		expect(load).toHaveBeenCalledTimes(1);
		await cachedDefinitions('exec-2:k', load);
		expect(load).toHaveBeenCalledTimes(2);
	});

	it('does not keep a failed lookup', async () => {
		const failing = jest.fn(async (): Promise<string[]> => {
			throw new Error('boom');
		});
		await expect(cachedDefinitions('exec-1:k', failing)).rejects.toThrow('boom');
		await Promise.resolve();
		const load = jest.fn(async () => ['b']);
		await expect(cachedDefinitions('exec-1:k', load)).resolves.toEqual(['b']);
	});

	it('fingerprints credentials without containing the key', () => {
		const fingerprint = credentialFingerprint('https://api.userflow.com', 'ak_secret_123');
		expect(fingerprint).not.toContain('ak_secret_123');
		expect(fingerprint).toBe(credentialFingerprint('https://api.userflow.com', 'ak_secret_123'));
		expect(fingerprint).not.toBe(credentialFingerprint('https://api.eu.userflow.com', 'ak_secret_123'));
	});
});
