// The knowledge-base record behind a setting element, for the rules that check values against it.
import type { KnowledgeBase, SettingRecord } from '../../src/kb/types.js';
import type { ElementNode } from '../../src/parser/events.js';
import { resolveComponent } from './kb-names.js';

/** Canonical name of the element's component; a case slip (SQMApi for SQMAPI) still resolves, as in Setup. */
function componentOf(kb: KnowledgeBase, el: ElementNode): string | undefined {
  const name = el.component?.identity.name;
  return name ? resolveComponent(kb, name)?.name : undefined;
}

/** The setting's record, or undefined when the component or path is unknown (unknown-setting's business). */
export function settingOf(kb: KnowledgeBase, el: ElementNode): SettingRecord | undefined {
  if (el.role !== 'setting') return undefined;
  const component = componentOf(kb, el);
  return component ? kb.setting(component, el.path) : undefined;
}

/** "Microsoft-Windows-Shell-Setup/OOBE/ProtectYourPC": how rules name the settings they single out. */
export const settingKey = (record: SettingRecord): string => `${record.component}/${record.path.join('/')}`;
