import type { INodeProperties } from 'n8n-workflow';

// Placeholder until the membership operations land.
export const membershipDescription: INodeProperties[] = [];
