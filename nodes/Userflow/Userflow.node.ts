import { VersionedNodeType, type INodeTypeBaseDescription } from 'n8n-workflow';

import { LATEST_NODE_VERSION } from './shared/description/nodeVersion';
import { UserflowVersion } from './UserflowVersion';

/**
 * The Userflow action node. Version 1 is the node as released in 0.1.0 (saved workflows keep
 * it); version 2 is what new nodes get. See shared/description/nodeVersion.ts.
 */
export class Userflow extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Userflow',
			name: 'userflow',
			icon: { light: 'file:../../icons/userflow.svg', dark: 'file:../../icons/userflow.dark.svg' },
			group: ['transform'],
			description: 'Sync users, groups and memberships to Userflow and track events',
			defaultVersion: LATEST_NODE_VERSION,
		};
		super(
			{
				1: new UserflowVersion(baseDescription, 1),
				2: new UserflowVersion(baseDescription, 2),
			},
			baseDescription,
		);
	}
}
