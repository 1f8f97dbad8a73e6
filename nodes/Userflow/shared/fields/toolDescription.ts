import type { INodeProperties } from 'n8n-workflow';

import { TOOL_DESCRIPTIONS } from '../../toolDescriptions';

/**
 * The tool's Description field, one copy per operation, shown only on the generated
 * Userflow Tool (`@tool`) and prefilled with that operation's text from TOOL_DESCRIPTIONS.
 *
 * Why a field of our own: n8n adds a "Tool Description: Set Automatically" switch only to
 * nodes without a `toolDescription` parameter, and its automatic text is just the action.
 * With this field n8n uses the operation's text as the tool's description (getToolDescription
 * ForNode takes a non-empty `toolDescription`), and the builder sees and can edit exactly what
 * the agent is told. A text the builder typed is saved and wins; an untouched one is not saved
 * (n8n drops defaults), so it follows the operation and later versions of these texts.
 */
export function toolDescriptionFields(): INodeProperties[] {
	return Object.entries(TOOL_DESCRIPTIONS).flatMap(([resource, operations]) =>
		Object.entries(operations).map(
			([operation, text]): INodeProperties => ({
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				default: text,
				required: true,
				typeOptions: { rows: 3 },
				description:
					'What the AI Agent is told about this tool: when to use it and what is safe to repeat. Prefilled for the chosen operation.',
				displayOptions: { show: { '@tool': [true], resource: [resource], operation: [operation] } },
			}),
		),
	);
}
