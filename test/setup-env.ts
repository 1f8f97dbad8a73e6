import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes an encryption key into <N8N_USER_FOLDER>/.n8n/config on first use:
// keep it in a throwaway folder, never in the developer's home.
if (!process.env.N8N_USER_FOLDER?.includes('n8n-userflow-test-')) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-userflow-test-'));
}
