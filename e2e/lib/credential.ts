/** The suite's one Userflow API credential, pointing at an emulator, imported into a user folder. */
import { join } from 'node:path';
import type { UserflowEmulator } from '../../emulator';
import type { N8nCli } from './n8nCli';
import { n8nId, writeJson, type ImportedCredential } from './workflows';

/** The credential as `n8n import:credentials` expects it: an array of {id, name, type, data}; n8n encrypts `data`. */
export async function importCredential(n8n: N8nCli, emulator: UserflowEmulator, workDir: string): Promise<ImportedCredential> {
	const credential: ImportedCredential = { id: n8nId('e2ecred', 1), name: 'Userflow (emulator)', type: 'userflowApi' };
	const file = writeJson(join(workDir, 'credentials.json'), [
		{
			...credential,
			data: { apiKey: emulator.apiKey, region: 'https://api.userflow.com', baseUrl: emulator.baseUrl },
		},
	]);
	await n8n.runOk('import:credentials', `--input=${file}`);
	return credential;
}
