import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { NodeVersion } from '../description/nodeVersion';
import { attributeRowFields } from './rowFields';

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
	/** Version 1's name dropdown. */
	loadOptionsMethod: string;
	/** Version 2's name locator ("From list" beside "By Name"). */
	searchListMethod: string;
	/** Whose attribute definitions describe these attributes; 'resource' follows the Resource. */
	scope: 'resource' | 'group' | 'group_membership';
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

export function attributeInputProperties(spec: AttributeInputSpec, version: NodeVersion = 1): INodeProperties[] {
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
			placeholder: version === 1 ? 'Add Attribute' : 'Add attribute',
			default: {},
			displayOptions: showFor('defineBelow'),
			options: [{ displayName: 'Attribute', name: 'attribute', values: attributeRowFields(spec, version) }],
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
