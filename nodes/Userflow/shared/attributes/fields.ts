import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The node's attribute parameters, built once for every place attributes are written:
 * one chooser (`attributeInput`, `groupAttributeInput`, ...) between "one by one",
 * "map automatically" and "JSON", and the fields each choice needs.
 */
export type AttributeInputMode = 'defineBelow' | 'autoMapInputData' | 'json';

export interface AttributeInputSpec {
	/** '' for the object the operation writes, else 'group' or 'membership'. */
	prefix: '' | 'group' | 'membership';
	/** Human name, also used in error messages: "Attributes", "Group Attributes". */
	label: string;
	loadOptionsMethod: string;
	modes: readonly AttributeInputMode[];
	/** Events take plain values only: nothing to add to or clear (read with plain rules). */
	plainValuesOnly?: boolean;
}

export interface AttributeParameterNames {
	input: string;
	rows: string;
	json: string;
	exclude: string;
}

export function attributeParameterNames(prefix: AttributeInputSpec['prefix']): AttributeParameterNames {
	if (prefix === '') {
		return { input: 'attributeInput', rows: 'attributes', json: 'attributesJson', exclude: 'fieldsToExclude' };
	}
	return {
		input: `${prefix}AttributeInput`,
		rows: `${prefix}Attributes`,
		json: `${prefix}AttributesJson`,
		exclude: `${prefix}FieldsToExclude`,
	};
}

const MODE_OPTIONS: Record<AttributeInputMode, INodePropertyOptions> = {
	autoMapInputData: {
		name: 'Map Automatically',
		value: 'autoMapInputData',
		description: 'Every field of the incoming item becomes an attribute of the same name',
	},
	defineBelow: {
		name: 'Define Below',
		value: 'defineBelow',
		description: 'Name each attribute, its type and what to do with it',
	},
	json: {
		name: 'JSON',
		value: 'json',
		description: 'An object of attribute names and values, passed through as Userflow expects it',
	},
};

const TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Boolean', value: 'boolean' },
	{ name: 'Datetime', value: 'datetime', description: 'ISO 8601, e.g. 2024-05-01T12:00:00Z' },
	{ name: 'List', value: 'list', description: 'A JSON array, or values separated by commas' },
	{ name: 'Number', value: 'number' },
	{ name: 'String', value: 'string' },
];

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

function rowValues(spec: AttributeInputSpec): INodeProperties[] {
	const name: INodeProperties = {
		displayName: 'Attribute Name or ID',
		name: 'name',
		type: 'options',
		typeOptions: { loadOptionsMethod: spec.loadOptionsMethod, loadOptionsDependsOn: ['resource'] },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Names are case-sensitive; snake_case is the convention.',
	};
	const type: INodeProperties = {
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: TYPE_OPTIONS,
		default: 'string',
		description: 'The value is converted to this type before it is sent',
	};
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
		name,
		action,
		{ ...type, displayOptions: { hide: { action: TYPELESS_ACTIONS } } },
		{ ...value, displayOptions: { hide: { action: ['clear'] } } },
	];
}

export function attributeInputProperties(spec: AttributeInputSpec): INodeProperties[] {
	const names = attributeParameterNames(spec.prefix);
	const showFor = (mode: AttributeInputMode) => ({ show: { [names.input]: [mode] } });
	const properties: INodeProperties[] = [
		{
			displayName: `${spec.label}: Input`,
			name: names.input,
			type: 'options',
			options: spec.modes.map((mode) => MODE_OPTIONS[mode]),
			default: 'defineBelow',
			description: `How to give the ${spec.label.toLowerCase()}`,
		},
		{
			displayName: spec.label,
			name: names.rows,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attribute',
			default: {},
			displayOptions: showFor('defineBelow'),
			options: [{ displayName: 'Attribute', name: 'attribute', values: rowValues(spec) }],
		},
	];
	if (spec.modes.includes('autoMapInputData')) {
		properties.push({
			displayName: 'Fields to Leave Out',
			name: names.exclude,
			type: 'string',
			default: '',
			placeholder: 'e.g. internal_notes, password_hash',
			description: 'Comma-separated names of input fields not to send as attributes',
			displayOptions: showFor('autoMapInputData'),
		});
	}
	if (spec.modes.includes('json')) {
		properties.push({
			displayName: `${spec.label} (JSON)`,
			name: names.json,
			type: 'json',
			default: '{}',
			// One text for every object, so the copies can be merged (see mergeSharedProperties).
			description:
				'For example {"plan": "pro", "logins": {"add": 1}, "old_field": null}; events take plain values only',
			displayOptions: showFor('json'),
		});
	}
	return properties;
}
