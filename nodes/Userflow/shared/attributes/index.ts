export * from './types';
export * from './coerceValue';
export { attributesFromRows, rowToValue } from './fromFields';
export { attributesFromItem, parseFieldList } from './fromItem';
export { attributesFromJson, checkAttributeValue } from './fromJson';
