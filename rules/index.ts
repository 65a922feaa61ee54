// The explicit list of built-in rules (a test checks it matches the files in rules/).
import type { AnyRule } from '../src/engine/rule.js';
import { ruleDocsUrl } from '../src/meta.js';
import componentIdentity from './component-identity.js';
import componentPass from './component-pass.js';
import computerName from './computer-name.js';
import deprecatedSetting from './deprecated-setting.js';
import duplicateComponent from './duplicate-component.js';
import duplicateSetting from './duplicate-setting.js';
import emptyValue from './empty-value.js';
import envelope from './envelope.js';
import inlineDirective from './inline-directive.js';
import listItemAction from './list-item-action.js';
import listKeyUnique from './list-key-unique.js';
import locale from './locale.js';
import mixedArchitecture from './mixed-architecture.js';
import namespaceDeclaration from './namespace-declaration.js';
import orderUnique from './order-unique.js';
import passName from './pass-name.js';
import productKey from './product-key.js';
import removedSetting from './removed-setting.js';
import settingPass from './setting-pass.js';
import templatePlaceholder from './template-placeholder.js';
import timeZone from './time-zone.js';
import unknownComponent from './unknown-component.js';
import unknownSetting from './unknown-setting.js';
import valueLength from './value-length.js';
import valueType from './value-type.js';
import xmlEncoding from './xml-encoding.js';

const list: AnyRule[] = [
  componentIdentity,
  componentPass,
  computerName,
  deprecatedSetting,
  duplicateComponent,
  duplicateSetting,
  emptyValue,
  envelope,
  inlineDirective,
  listItemAction,
  listKeyUnique,
  locale,
  mixedArchitecture,
  namespaceDeclaration,
  orderUnique,
  passName,
  productKey,
  removedSetting,
  settingPass,
  templatePlaceholder,
  timeZone,
  unknownComponent,
  unknownSetting,
  valueLength,
  valueType,
  xmlEncoding,
];

for (const r of list) r.meta.docsUrl ??= ruleDocsUrl(r.meta.id);

export const builtinRules: readonly AnyRule[] = list;
