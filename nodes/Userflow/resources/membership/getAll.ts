import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { getManyFields } from '../../shared/fields/getManyFields';
import { userIdLocator } from '../../shared/fields/locators';

const properties: INodeProperties[] = [userIdLocator(), ...getManyFields()];

export const membershipGetAllDescription = updateDisplayOptions(
	{ show: { resource: ['membership'], operation: ['getAll'] } },
	properties,
);
