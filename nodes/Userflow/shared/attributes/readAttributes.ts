import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { attributeDataTypes } from '../guards/nameCaseGuard';
import { withItemErrors } from '../validation/invalidInput';
import { needsDefinedType } from './autoType';
import { attributeParameterNames, type AttributeInputMode, type AttributeInputSpec } from './fields';
import { attributesFromRows } from './fromFields';
import { attributesFromItem, parseFieldList } from './fromItem';
import { attributesFromJson } from './fromJson';
import { definitionScope } from './specs';
import { EVENT_RULES, PROFILE_RULES, type AttributeMap, type AttributeRow } from './types';

/**
 * Reads one attribute set of the current item from the node's parameters, converted and
 * checked. Throws the item's NodeOperationError (field named) before anything is sent.
 * Rows of Type "Auto" need Userflow's attribute definitions: looked up once per execution
 * and scope (shared with the letter-case guard), and only when such a row has a value.
 */
export async function readAttributes(ctx: IExecuteSingleFunctions, spec: AttributeInputSpec): Promise<AttributeMap> {
	const names = attributeParameterNames(spec.prefix);
	const rules = spec.plainValuesOnly ? EVENT_RULES : PROFILE_RULES;
	const mode = ctx.getNodeParameter(names.input, 'defineBelow') as AttributeInputMode;
	switch (mode) {
		case 'autoMapInputData': {
			const exclude = parseFieldList(ctx.getNodeParameter(names.exclude, ''));
			const item = (ctx.getInputData()?.json ?? {}) as IDataObject;
			return withItemErrors(ctx, () => attributesFromItem(item, exclude, spec.label));
		}
		case 'json':
			return withItemErrors(ctx, () => attributesFromJson(ctx.getNodeParameter(names.json, '{}'), `${spec.label} (JSON)`, rules));
		default: {
			const collection = ctx.getNodeParameter(names.rows, {}) as { attribute?: AttributeRow[] };
			const rows = collection.attribute ?? [];
			const definedTypes = rows.some(needsDefinedType)
				? await attributeDataTypes(ctx, definitionScope(spec, ctx.getNodeParameter('resource', 'user')))
				: undefined;
			return withItemErrors(ctx, () => attributesFromRows(rows, spec.label, rules, definedTypes));
		}
	}
}
