import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { withItemErrors } from '../validation/invalidInput';
import { attributeParameterNames, type AttributeInputMode, type AttributeInputSpec } from './fields';
import { attributesFromRows } from './fromFields';
import { attributesFromItem, parseFieldList } from './fromItem';
import { attributesFromJson } from './fromJson';
import { EVENT_RULES, PROFILE_RULES, type AttributeMap, type AttributeRow } from './types';

/**
 * Reads one attribute set of the current item from the node's parameters, converted and
 * checked. Throws the item's NodeOperationError (field named) before anything is sent.
 */
export function readAttributes(ctx: IExecuteSingleFunctions, spec: AttributeInputSpec): AttributeMap {
	const names = attributeParameterNames(spec.prefix);
	const rules = spec.plainValuesOnly ? EVENT_RULES : PROFILE_RULES;
	const mode = ctx.getNodeParameter(names.input, 'defineBelow') as AttributeInputMode;
	return withItemErrors(ctx, () => {
		switch (mode) {
			case 'autoMapInputData': {
				const exclude = parseFieldList(ctx.getNodeParameter(names.exclude, ''));
				return attributesFromItem((ctx.getInputData()?.json ?? {}) as IDataObject, exclude, spec.label);
			}
			case 'json':
				return attributesFromJson(ctx.getNodeParameter(names.json, '{}'), `${spec.label} (JSON)`, rules);
			default: {
				const collection = ctx.getNodeParameter(names.rows, {}) as { attribute?: AttributeRow[] };
				return attributesFromRows(collection.attribute ?? [], spec.label, rules);
			}
		}
	});
}
