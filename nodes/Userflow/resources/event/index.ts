import type { INodeProperties } from 'n8n-workflow';

// Placeholder until the event operations land.
export const eventDescription: INodeProperties[] = [];
