/**
 * THE ID RULE, for every ID field of the package (users, groups, content, filters):
 * an ID is sent exactly as given. It is never trimmed: `' u_42'` is another user than
 * `'u_42'` to Userflow, so an ID with spaces at the start or end is refused rather than
 * quietly changed. Where the ID goes into a URL path, `.` and `..` are refused too: the
 * HTTP client resolves them (`DELETE /users/..` would become `DELETE /`), even encoded.
 * Numbers are accepted and sent as text (`42` → `"42"`).
 */
export interface IdRuleOptions {
	/** The ID becomes a path segment (`/users/{id}`). */
	inPath?: boolean;
}

export type IdCheck = { ok: true; id: string } | { ok: false; empty: boolean; problem: string };

export function checkId(raw: unknown, options: IdRuleOptions = {}): IdCheck {
	const id = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
	if (id === undefined || id === null || (typeof id === 'string' && id.trim() === '')) {
		return { ok: false, empty: true, problem: 'is empty; give the ID used in your app' };
	}
	if (typeof id !== 'string') return { ok: false, empty: false, problem: 'must be text' };
	if (id.trim() !== id) {
		return {
			ok: false,
			empty: false,
			problem: `'${id}' has spaces at the start or end; IDs are sent exactly as given, so remove them (e.g. with .trim() in the expression)`,
		};
	}
	if (options.inPath && (id === '.' || id === '..')) {
		return { ok: false, empty: false, problem: `cannot be '${id}': in a URL it would address another endpoint` };
	}
	return { ok: true, id };
}
