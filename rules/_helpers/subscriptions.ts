// Which settings the value and list rules are about, as tests of knowledge-base nodes (evaluated once per config).
import type { SettingNode } from '../../src/kb/tree.js';
import { TIME_ZONE_SETTINGS } from './time-zones.js';
import { PRODUCT_KEY_SETTINGS, SETUP_CONTAINER } from './product-keys.js';
import { LOCALE_SETTINGS } from './locales.js';
import { holdsText } from './empty.js';

const among = (keys: readonly string[]) => (s: SettingNode): boolean => keys.includes(s.key);

/** A leaf whose reference page gives a boolean, integer or enumerated value. */
export const typedLeaf = (s: SettingNode): boolean => s.record.kind === 'leaf' && !!s.record.value && s.record.value.type !== 'string';
export const timeZone = among(TIME_ZONE_SETTINGS);
export const productKey = among([...PRODUCT_KEY_SETTINGS, SETUP_CONTAINER]);
export const locale = among(LOCALE_SETTINGS);
export const listItem = (s: SettingNode): boolean => !!s.listItem;
/** A leaf (or a list item keyed by wcm:keyValue) whose page says it does not support empty values. */
export const notEmpty = (s: SettingNode): boolean => holdsText(s) && s.record.emptyAllowed === false;
/** A string leaf with a documented maximum length. */
export const bounded = (s: SettingNode): boolean => s.record.value?.type === 'string' && s.record.value.maxLength !== undefined;
/** A list item keyed by Order, or its Order. */
export const ordered = (s: SettingNode): boolean => s.listItem?.keyElement === 'Order' || (s.name === 'Order' && s.parent?.listItem?.keyElement === 'Order');
/** A list item, its key element, or an element holding list items (whose end frees what was seen in it). */
export const keyed = (s: SettingNode): boolean =>
  !!s.listItem || s.parent?.listItem?.keyElement === s.name || s.childNames.some((c) => !!s.child(c)?.listItem);
