// What sysprep /generalize removes from a machine and the next specialize pass applies afresh on each deployed one
// (sysprep-process-overview, how-configuration-passes-work): set in the generalize pass, it is never applied.
import type { SettingKey } from '../../src/kb/setting-keys.js';

/** Components whose whole content is per machine, with what generalize does to it. */
const COMPONENTS: ReadonlyMap<string, string> = new Map([
  ['Microsoft-Windows-UnattendedJoin', 'sysprep /generalize takes the computer out of its domain, and specialize joins each deployed machine'],
  ['Microsoft-Windows-TCPIP', 'network settings are per machine, and specialize applies them at each deployed machine\'s first boot'],
  ['Microsoft-Windows-DNS-Client', 'network settings are per machine, and specialize applies them at each deployed machine\'s first boot'],
  ['Microsoft-Windows-NetBT', 'network settings are per machine, and specialize applies them at each deployed machine\'s first boot'],
]);

/** Settings of components that do apply in generalize, which are per machine. */
const SETTINGS: ReadonlyMap<SettingKey, string> = new Map<SettingKey, string>([
  ['Microsoft-Windows-Shell-Setup/ComputerName', 'generalize resets the computer name, and specialize names each deployed machine (or generates a name for *)'],
  ['Microsoft-Windows-Shell-Setup/ProductKey', 'generalize resets activation, and specialize applies the product key on each deployed machine'],
]);

/** Why a component in the generalize pass is lost there, or undefined when it is not one generalize-content owns. */
export const componentLostInGeneralize = (component: string, pass: string | undefined): string | undefined =>
  pass === 'generalize' ? COMPONENTS.get(component) : undefined;

/** Why a setting in the generalize pass is lost there, or undefined when it is not one generalize-content owns. */
export const settingLostInGeneralize = (key: SettingKey, pass: string | undefined): string | undefined =>
  pass === 'generalize' ? SETTINGS.get(key) : undefined;
