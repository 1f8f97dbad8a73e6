/**
 * The logger n8n hands to nodes (`this.logger`): n8n-core resolves `Logger` from its own copy
 * of @n8n/backend-common, so a spy must be set on that copy's class.
 */
import { dirname } from 'node:path';

interface LoggerClass {
	prototype: { warn(message: string, metadata?: object): void };
}

export function n8nLoggerClass(): LoggerClass {
	const fromCore = require.resolve('@n8n/backend-common', { paths: [dirname(require.resolve('n8n-core'))] });
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require(fromCore) as { Logger: LoggerClass }).Logger;
}

/** Collects the warnings nodes log through `this.logger.warn` until restored. */
export function spyOnNodeWarnings(): jest.SpyInstance {
	return jest.spyOn(n8nLoggerClass().prototype, 'warn').mockImplementation(() => undefined);
}
