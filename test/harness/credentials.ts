/** The credentials a harness run knows: this package's credential type plus test data. */
import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { UserflowApi } from '../../credentials/UserflowApi.credentials';
import { HarnessCredentialsHelper } from './credentials-helper';

/** What a user types into the "Userflow API" credential form. */
export interface UserflowApiData {
	apiKey: string;
	/** Default: the credential's default region (US). */
	region?: string;
	/** Overrides the region, e.g. the emulator's URL. */
	baseUrl?: string;
}

/** Credential type name → saved data. */
export interface HarnessCredentials {
	userflowApi?: UserflowApiData;
	[credentialType: string]: ICredentialDataDecryptedObject | UserflowApiData | undefined;
}

export function packageCredentialTypes(): ICredentialType[] {
	return [new UserflowApi()];
}

export function createCredentialsHelper(
	credentials: HarnessCredentials = {},
	extraCredentialTypes: ICredentialType[] = [],
): HarnessCredentialsHelper {
	const data: Record<string, ICredentialDataDecryptedObject> = {};
	for (const [type, value] of Object.entries(credentials)) {
		if (!value) continue;
		// Fields left undefined are absent from a saved credential; defaults fill them later.
		data[type] = Object.fromEntries(
			Object.entries(value).filter(([, field]) => field !== undefined),
		) as ICredentialDataDecryptedObject;
	}
	return new HarnessCredentialsHelper([...packageCredentialTypes(), ...extraCredentialTypes], data);
}
