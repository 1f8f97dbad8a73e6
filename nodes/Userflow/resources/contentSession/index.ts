import type { INodeProperties } from 'n8n-workflow';

// Placeholder until the contentSession operations land.
export const contentSessionDescription: INodeProperties[] = [];
