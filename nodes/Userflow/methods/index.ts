// List searches (resource locators) and option loaders, one file each; placeholder until they land.
export const listSearch = {};
export const loadOptions = {};
