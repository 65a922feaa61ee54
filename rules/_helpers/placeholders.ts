// Template-token detection lives with the binder (which marks placeholder values); rules use the same functions.
export { conditionalOffsets, findPlaceholders, isTemplated, type Placeholder, type PlaceholderContext } from '../../src/binder/placeholders.js';
