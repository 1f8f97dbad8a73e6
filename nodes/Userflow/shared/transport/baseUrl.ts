/**
 * The one place that turns the credential into a base URL: the optional Base URL (a proxy
 * or the local emulator) wins over the region.
 */
export const BASE_URL_EXPRESSION =
	'={{ ($credentials.baseUrl || $credentials.region || "https://api.userflow.com").replace(/\\/+$/, "") }}';

export function resolveBaseUrl(credentials: { baseUrl?: unknown; region?: unknown }): string {
	const chosen = String(credentials.baseUrl || credentials.region || 'https://api.userflow.com');
	return chosen.replace(/\/+$/, '');
}

/** Userflow pins its API by this header; without it requests get "latest". */
export const USERFLOW_API_VERSION = '2020-01-03';
