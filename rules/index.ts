// The explicit list of built-in rules (a test checks it matches the files in rules/).
import type { AnyRule } from '../src/engine/rule.js';
import { ruleDocsUrl } from '../src/meta.js';
import autologon from './autologon.js';
import blankPassword from './blank-password.js';
import commandCredential from './command-credential.js';
import componentIdentity from './component-identity.js';
import componentPass from './component-pass.js';
import computerName from './computer-name.js';
import computerNameDns from './computer-name-dns.js';
import copyProfile from './copy-profile.js';
import deprecatedSetting from './deprecated-setting.js';
import dnsServer from './dns-server.js';
import domainCredentialExposure from './domain-credential-exposure.js';
import duplicateComponent from './duplicate-component.js';
import duplicateSetting from './duplicate-setting.js';
import emptyComponent from './empty-component.js';
import emptyValue from './empty-value.js';
import emptyValueTolerated from './empty-value-tolerated.js';
import envelope from './envelope.js';
import firmwareLayout from './firmware-layout.js';
import fixedIdentityInImage from './fixed-identity-in-image.js';
import forbidSetting from './forbid-setting.js';
import foreignElement from './foreign-element.js';
import generalizeContent from './generalize-content.js';
import imageSelection from './image-selection.js';
import inlineDirective from './inline-directive.js';
import installTarget from './install-target.js';
import interfaceIdentifier from './interface-identifier.js';
import joinCredentials from './join-credentials.js';
import joinCredentialsDomain from './join-credentials-domain.js';
import joinCredentialsIgnored from './join-credentials-ignored.js';
import ipAddress from './ip-address.js';
import joinDomainWorkgroup from './join-domain-workgroup.js';
import joinNeedsDns from './join-needs-dns.js';
import joinOu from './join-ou.js';
import joinPolicy from './join-policy.js';
import joinUsername from './join-username.js';
import legacyEncoding from './legacy-encoding.js';
import listActionMissing from './list-action-missing.js';
import listItemAction from './list-item-action.js';
import listKeyStray from './list-key-stray.js';
import listKeyUnique from './list-key-unique.js';
import localAccount from './local-account.js';
import localAccountsSpecialize from './local-accounts-specialize.js';
import locale from './locale.js';
import localeUnlisted from './locale-unlisted.js';
import mixedArchitecture from './mixed-architecture.js';
import nameCase from './name-case.js';
import namespaceDeclaration from './namespace-declaration.js';
import netbiosOptions from './netbios-options.js';
import orderUnique from './order-unique.js';
import partitionConflict from './partition-conflict.js';
import partitionLayout from './partition-layout.js';
import passName from './pass-name.js';
import passNotRun from './pass-not-run.js';
import passwordEncoding from './password-encoding.js';
import plaintextPassword from './plaintext-password.js';
import pnpSysprep from './pnp-sysprep.js';
import productKey from './product-key.js';
import removedSetting from './removed-setting.js';
import requireSetting from './require-setting.js';
import reseal from './reseal.js';
import route from './route.js';
import routeConsistency from './route-consistency.js';
import settingPass from './setting-pass.js';
import skipRearm from './skip-rearm.js';
import staticIpConsistency from './static-ip-consistency.js';
import sysprepInCommand from './sysprep-in-command.js';
import templatePlaceholder from './template-placeholder.js';
import timeZone from './time-zone.js';
import unknownComponent from './unknown-component.js';
import unknownSetting from './unknown-setting.js';
import valueCase from './value-case.js';
import valueFallback from './value-fallback.js';
import valueLength from './value-length.js';
import valueType from './value-type.js';
import valueWhitespace from './value-whitespace.js';
import wcmNamespace from './wcm-namespace.js';
import windows11Bypass from './windows11-bypass.js';
import xmlEncoding from './xml-encoding.js';

const list: AnyRule[] = [
  autologon,
  blankPassword,
  commandCredential,
  componentIdentity,
  componentPass,
  computerName,
  computerNameDns,
  copyProfile,
  deprecatedSetting,
  dnsServer,
  domainCredentialExposure,
  duplicateComponent,
  duplicateSetting,
  emptyComponent,
  emptyValue,
  emptyValueTolerated,
  envelope,
  firmwareLayout,
  fixedIdentityInImage,
  forbidSetting,
  foreignElement,
  generalizeContent,
  imageSelection,
  inlineDirective,
  installTarget,
  interfaceIdentifier,
  joinCredentials,
  joinCredentialsDomain,
  joinCredentialsIgnored,
  ipAddress,
  joinDomainWorkgroup,
  joinNeedsDns,
  joinOu,
  joinPolicy,
  joinUsername,
  legacyEncoding,
  listActionMissing,
  listItemAction,
  listKeyStray,
  listKeyUnique,
  localAccount,
  localAccountsSpecialize,
  locale,
  localeUnlisted,
  mixedArchitecture,
  nameCase,
  namespaceDeclaration,
  netbiosOptions,
  orderUnique,
  partitionConflict,
  partitionLayout,
  passName,
  passNotRun,
  passwordEncoding,
  plaintextPassword,
  pnpSysprep,
  productKey,
  removedSetting,
  requireSetting,
  reseal,
  route,
  routeConsistency,
  settingPass,
  skipRearm,
  staticIpConsistency,
  sysprepInCommand,
  templatePlaceholder,
  timeZone,
  unknownComponent,
  unknownSetting,
  valueCase,
  valueFallback,
  valueLength,
  valueType,
  valueWhitespace,
  wcmNamespace,
  windows11Bypass,
  xmlEncoding,
];

for (const r of list) r.meta.docsUrl ??= ruleDocsUrl(r.meta.id);

export const builtinRules: readonly AnyRule[] = list;
