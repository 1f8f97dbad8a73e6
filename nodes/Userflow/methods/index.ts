import { searchAttributeNamesOfResource, searchGroupAttributeNames, searchMembershipAttributeNames } from './listSearch/searchAttributeNames';
import { searchContent } from './listSearch/searchContent';
import { searchEventNames } from './listSearch/searchEventNames';
import { searchGroups } from './listSearch/searchGroups';
import { searchUsers } from './listSearch/searchUsers';
import { getAttributeNamesOfResource } from './loadOptions/getAttributeNamesOfResource';
import { getGroupAttributeNames } from './loadOptions/getGroupAttributeNames';
import { getMembershipAttributeNames } from './loadOptions/getMembershipAttributeNames';

/**
 * "From list" searches of the resource locators: users, groups and content
 * (shared/fields/locators.ts); version 2's attribute names (shared/attributes/rowFields.ts)
 * and event names (shared/fields/eventName.ts).
 */
export const listSearch = {
	searchUsers,
	searchGroups,
	searchContent,
	searchAttributeNamesOfResource,
	searchGroupAttributeNames,
	searchMembershipAttributeNames,
	searchEventNames,
};

/** Version 1's attribute name dropdowns, from Userflow's definitions. */
export const loadOptions = {
	getAttributeNamesOfResource,
	getGroupAttributeNames,
	getMembershipAttributeNames,
};
