import type { INodeProperties } from 'n8n-workflow';

import { TOOL_DESCRIPTIONS } from '../../toolDescriptions';

const TEXT_PREFIX = 'toolDescription_';

/** The hidden parameter that holds one operation's text: `toolDescription_user_upsert`. */
export const toolTextParameter = (resource: string, operation: string) => `${TEXT_PREFIX}${resource}_${operation}`;

/**
 * The generated Userflow Tool's Description (`@tool` only): what the AI Agent is told,
 * prefilled with the chosen operation's text from TOOL_DESCRIPTIONS.
 *
 * Why a field of our own: n8n adds its "Tool Description: Set Automatically" switch only to
 * nodes without a `toolDescription` parameter, and its automatic text is just the action.
 * n8n uses a non-empty `toolDescription` as the tool's description, resolving an expression.
 *
 * Why an expression over hidden per-operation texts, not one prefilled copy per operation:
 * the editor keeps a parameter's value when the user switches operation if the parameter
 * has the same name in both, so a prefilled copy would keep telling the agent about the
 * operation first chosen. Each text has its own name, shown (and so present) only for its
 * operation; the one Description reads the current one. A text the builder types instead is
 * saved and wins.
 */
export function toolDescriptionFields(): INodeProperties[] {
	const texts = Object.entries(TOOL_DESCRIPTIONS).flatMap(([resource, operations]) =>
		Object.entries(operations).map(
			([operation, text]): INodeProperties => ({
				displayName: 'Operation Tool Description',
				name: toolTextParameter(resource, operation),
				type: 'hidden',
				default: text,
				displayOptions: { show: { '@tool': [true], resource: [resource], operation: [operation] } },
			}),
		),
	);
	return [
		{
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			default: `={{ $parameter["${TEXT_PREFIX}" + $parameter.resource + "_" + $parameter.operation] }}`,
			required: true,
			typeOptions: { rows: 3 },
			description:
				'What the AI Agent is told about this tool. By default the chosen operation\'s text: when to use it and what is safe to repeat. Replace it to narrow what the agent uses the tool for.',
			displayOptions: { show: { '@tool': [true] } },
		},
		...texts,
	];
}
