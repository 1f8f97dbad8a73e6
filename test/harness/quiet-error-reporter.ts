/**
 * n8n-core reports every node failure to its `ErrorReporter`, which (without Sentry) logs
 * the error chain with stack traces. In tests a failing node is often the point, so the
 * harness collects those reports instead of printing them. Set N8N_HARNESS_LOG_ERRORS=1 to
 * see them again.
 *
 * n8n-core resolves services from its own copy of `@n8n/di` (nested under n8n-core, a newer
 * version than the top-level one), so its container has to be reached from n8n-core's folder:
 * `import { Container } from '@n8n/di'` here would be a different, empty container.
 */
import { createRequire } from 'node:module';
import { ErrorReporter } from 'n8n-core';

type DiModule = typeof import('@n8n/di');

const coreRequire = createRequire(require.resolve('n8n-core'));

/** n8n-core's own DI container (the one `Container.get(...)` inside n8n-core uses). */
export const coreContainer = (coreRequire('@n8n/di') as DiModule).Container;

/** Errors n8n-core would have reported, oldest first. */
export const reportedErrors: Error[] = [];

let installed = false;

export function quietErrorReporter(): void {
	if (installed || process.env.N8N_HARNESS_LOG_ERRORS === '1') return;
	installed = true;
	const reporter = coreContainer.get(ErrorReporter);
	// `report` is an instance field n8n-core swaps itself when Sentry is configured.
	(reporter as unknown as { report: (error: Error) => void }).report = (error: Error) => {
		reportedErrors.push(error);
	};
}
