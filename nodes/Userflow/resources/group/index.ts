import type { INodeProperties } from 'n8n-workflow';

// Placeholder until the group operations land.
export const groupDescription: INodeProperties[] = [];
