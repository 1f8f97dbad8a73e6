/**
 * Failures of the editor steps known to happen on main, by name, each with the issue that
 * fixes it; empty when nothing is known to fail. An entry is printed loudly on every run; a
 * listed step must fail with exactly its symptom (any other failure fails the suite), and a
 * listed failure that stops happening fails the suite too, so the list can only shrink.
 * E2E_BROWSER_KNOWN_FAILURES=off runs the suite as if it were empty.
 *
 * Example (the list before issue 10's editor work landed):
 *   { step: '04-switch-get-and-upsert', because: 'issue 10, item 1 (...)', symptom: /issue 10, item 1/ }
 *   requests: { because: 'no output schemas yet', url: /\/schemas\/n8n-nodes-userflow\./, status: 404 }
 */
import type { KnownRequestFailure, KnownStepFailure } from './lib/knownFailureMatcher';

export const KNOWN_STEP_FAILURES: KnownStepFailure[] = [];

export const KNOWN_REQUEST_FAILURES: KnownRequestFailure[] = [];
