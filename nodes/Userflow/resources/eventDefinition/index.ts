import type { INodeProperties } from 'n8n-workflow';

// Placeholder until the eventDefinition operations land.
export const eventDefinitionDescription: INodeProperties[] = [];
