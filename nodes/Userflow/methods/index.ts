import { searchContent } from './listSearch/searchContent';
import { searchGroups } from './listSearch/searchGroups';
import { searchUsers } from './listSearch/searchUsers';
import { getAttributeNamesOfResource } from './loadOptions/getAttributeNamesOfResource';
import { getEventAttributeNames } from './loadOptions/getEventAttributeNames';
import { getEventNames } from './loadOptions/getEventNames';
import { getGroupAttributeNames } from './loadOptions/getGroupAttributeNames';
import { getMembershipAttributeNames } from './loadOptions/getMembershipAttributeNames';
import { getUserAttributeNames } from './loadOptions/getUserAttributeNames';

/** "From list" searches of the resource locators (see shared/fields/locators.ts). */
export const listSearch = { searchUsers, searchGroups, searchContent };

/** Option loaders: attribute names per scope and event names, from Userflow's definitions. */
export const loadOptions = {
	getAttributeNamesOfResource,
	getUserAttributeNames,
	getGroupAttributeNames,
	getMembershipAttributeNames,
	getEventAttributeNames,
	getEventNames,
};
