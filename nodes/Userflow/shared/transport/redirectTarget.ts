/**
 * Where a refused redirect pointed, told by its origin only (scheme://host:port): the path
 * and query of a Location may carry tokens or the user's data.
 */
export function redirectTarget(location: string | undefined, requestUrl: string | undefined): string | undefined {
	if (location === undefined || location.trim() === '') return undefined;
	try {
		const target = requestUrl ? new URL(location, requestUrl) : new URL(location);
		return target.origin === 'null' ? undefined : target.origin;
	} catch {
		return undefined;
	}
}
