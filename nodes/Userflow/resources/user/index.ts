import type { INodeProperties } from 'n8n-workflow';

// Placeholder until the user operations land.
export const userDescription: INodeProperties[] = [];
