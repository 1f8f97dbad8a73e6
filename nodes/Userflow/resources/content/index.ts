import type { INodeProperties } from 'n8n-workflow';

// Placeholder until the content operations land.
export const contentDescription: INodeProperties[] = [];
