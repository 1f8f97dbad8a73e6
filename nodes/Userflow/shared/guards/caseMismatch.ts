/**
 * Userflow names are case-sensitive, and a name that differs from a known one only in
 * letter case is almost always a typo that fails silently (a flow waiting for
 * `feature_activated` never sees `Feature_Activated`). Returns the known name the given
 * one collides with, or undefined when it is an exact match or new.
 */
export function findCaseMismatch(name: string, knownNames: Iterable<string>): string | undefined {
	const lower = name.toLowerCase();
	let collision: string | undefined;
	for (const known of knownNames) {
		if (known === name) return undefined;
		if (collision === undefined && known.toLowerCase() === lower) collision = known;
	}
	return collision;
}
