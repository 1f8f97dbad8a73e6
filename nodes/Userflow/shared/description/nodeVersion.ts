/**
 * The Userflow node's versions. Version 1 is the node as 0.1.0 shipped it: workflows saved
 * with it keep exactly its parameters and behaviour. Version 2 (what n8n gives new nodes)
 * changes shapes: IDs and names become resource locators, attribute rows default to Type
 * Auto, every operation has one Options collection. Descriptions are built per version from
 * the same operation files; the hooks read both shapes.
 */
export type NodeVersion = 1 | 2;

export const LATEST_NODE_VERSION: NodeVersion = 2;

/** For builders whose v2 differs: `since(2, version)` is true from version 2 on. */
export function since(first: NodeVersion, version: NodeVersion): boolean {
	return version >= first;
}
