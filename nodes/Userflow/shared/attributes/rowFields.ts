import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { NodeVersion } from '../description/nodeVersion';
import type { AttributeInputSpec } from './fields';

/**
 * The fields of one "Define Below" attribute row: name, action, type, value.
 *
 * Version 1 picks the name from a dropdown of the names Userflow already knows, so a new
 * name needs an expression (and the editor then warns "not supported"). Version 2 names it
 * with a resource locator: "From list" suggests the known names (and offers the typed text
 * as a new one), "By Name" takes any text. Version 2 also adds Type "Auto", the default:
 * Userflow's own type for a known attribute, otherwise the value's type.
 */

const TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Boolean', value: 'boolean' },
	{ name: 'Datetime', value: 'datetime', description: 'ISO 8601, e.g. 2024-05-01T12:00:00Z' },
	{ name: 'List', value: 'list', description: 'A JSON array, or values separated by commas' },
	{ name: 'Number', value: 'number' },
	{ name: 'String', value: 'string' },
];

const AUTO_TYPE: INodePropertyOptions = {
	name: 'Auto',
	value: 'auto',
	description:
		"Userflow's type when it knows the attribute; otherwise the value's own type (text stays text, numbers stay numbers)",
};

const ACTION_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Add (Number)', value: 'add', description: 'Add the value to the current number' },
	{ name: 'Append (List)', value: 'append', description: 'Add the values to the end of the list' },
	{ name: 'Clear', value: 'clear', description: 'Remove the attribute (sends null)' },
	{ name: 'Prepend (List)', value: 'prepend', description: 'Add the values to the start of the list' },
	{ name: 'Remove (List)', value: 'remove', description: 'Remove the values from the list' },
	{ name: 'Set', value: 'set', description: 'Replace the value' },
	{ name: 'Set Once', value: 'set_once', description: 'Set the value only if the attribute has none yet' },
	{ name: 'Subtract (Number)', value: 'subtract', description: 'Subtract the value from the current number' },
];

/** Actions whose operand type is implied (number or list), so the Type column is hidden. */
const TYPELESS_ACTIONS = ['add', 'subtract', 'append', 'prepend', 'remove', 'clear'];

function nameField(spec: AttributeInputSpec, version: NodeVersion): INodeProperties {
	if (version === 1) {
		return {
			displayName: 'Attribute Name or ID',
			name: 'name',
			type: 'options',
			typeOptions: { loadOptionsMethod: spec.loadOptionsMethod, loadOptionsDependsOn: ['resource'] },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Names are case-sensitive; snake_case is the convention.',
		};
	}
	return {
		displayName: 'Name',
		name: 'name',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			'An attribute Userflow knows, or a new one (type it in the search, or use By Name). Names are case-sensitive; snake_case is the convention.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. plan',
			},
		],
	};
}

function typeField(version: NodeVersion): INodeProperties {
	if (version === 1) {
		return {
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: TYPE_OPTIONS,
			default: 'string',
			description: 'The value is converted to this type before it is sent',
		};
	}
	return {
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [AUTO_TYPE, ...TYPE_OPTIONS],
		default: 'auto',
		description: 'The value is converted to this type before it is sent',
	};
}

export function attributeRowFields(spec: AttributeInputSpec, version: NodeVersion): INodeProperties[] {
	const value: INodeProperties = {
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description: 'Left empty, nothing is sent for this attribute',
	};
	const action: INodeProperties = {
		displayName: 'Action',
		name: 'action',
		type: 'options',
		options: ACTION_OPTIONS,
		default: 'set',
	};
	// Events take plain values only. Hiding the column for them (instead of leaving it out of
	// their rows) keeps one row definition for users, groups and events, so n8n evaluates one
	// Attributes property per item instead of two; event rows stay {name, type, value}.
	if (spec.prefix === '') action.displayOptions = { hide: { '/resource': ['event'] } };
	return [
		nameField(spec, version),
		action,
		{ ...typeField(version), displayOptions: { hide: { action: TYPELESS_ACTIONS } } },
		{ ...value, displayOptions: { hide: { action: ['clear'] } } },
	];
}
