import type { INodeProperties } from 'n8n-workflow';

// Placeholder until the attributeDefinition operations land.
export const attributeDefinitionDescription: INodeProperties[] = [];
