import type { INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { matchesFilter } from './scanSearch';

/** A name Userflow knows (an attribute or an event), as a "From list" entry shows it. */
export interface KnownName {
	/** The API name: what is sent, case-sensitive. */
	name: string;
	displayName?: string;
	/** A short note after the name: the data type, or "built-in". */
	detail?: string;
}

function label(known: KnownName): string {
	const title = known.displayName && known.displayName !== known.name ? `${known.displayName} (${known.name})` : known.name;
	return known.detail ? `${title} · ${known.detail}` : title;
}

/** Alphabetical by API name, ignoring case first. */
export const byName = (a: KnownName, b: KnownName) =>
	a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.name.localeCompare(b.name);

/**
 * "From list" for names that may also be new: the known names matching the search (by API or
 * display name, ignoring case), and the typed text itself as a new name unless Userflow knows
 * it already in some letter case (then the known spelling is listed instead, which is the
 * letter-case guard made visible before the run; "By Name" still takes any text). The
 * known names are listed in the order given.
 */
export function nameSearchResults(known: readonly KnownName[], filter: string, newWhat: string): INodeListSearchResult {
	const term = filter.trim();
	const matches = known.filter((entry) => term === '' || matchesFilter([entry.name, entry.displayName], term));
	const results: INodeListSearchItems[] = matches.map((entry) => ({ name: label(entry), value: entry.name }));
	const knownInSomeCase = known.some((entry) => entry.name.toLowerCase() === term.toLowerCase());
	if (term !== '' && !knownInSomeCase) results.unshift({ name: `${term} (new ${newWhat})`, value: term });
	return { results };
}
