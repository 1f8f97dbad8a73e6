/**
 * Which Userflow object a request is about, read back from its path, so error messages can
 * say "User 'u_42' does not exist in this Userflow environment".
 */
const KINDS: Record<string, string> = { users: 'User', groups: 'Group', content: 'Content' };

export interface ObjectRef {
	kind: string;
	id: string;
}

export function objectPath(collection: 'users' | 'groups' | 'content', id: string): string {
	return `/${collection}/${encodeURIComponent(id)}`;
}

/** `/users/u%201` → { kind: 'User', id: 'u 1' }; undefined for lists and other paths. */
export function objectFromUrl(url: string | undefined): ObjectRef | undefined {
	const match = /^\/(users|groups|content)\/([^/?]+)/.exec(url ?? '');
	if (!match) return undefined;
	return { kind: KINDS[match[1]], id: decodeURIComponent(match[2]) };
}

export function describeObject(ref: ObjectRef): string {
	return `${ref.kind} '${ref.id}'`;
}
