// What the binder resolved an element to, for the rules that check values against the knowledge base.
import type { BoundElement } from '../../src/binder/bind.js';
import type { SettingRecord } from '../../src/kb/types.js';
import type { SettingNode } from '../../src/kb/tree.js';

/** The element's setting node when the binder resolved it (exactly or through a case slip); undefined otherwise. */
export function boundSetting(el: BoundElement): SettingNode | undefined {
  return el.binding.setting;
}

/** The setting's record, or undefined when the component or path is unknown (unknown-setting's business). */
export function settingOf(el: BoundElement): SettingRecord | undefined {
  return el.binding.setting?.record;
}

/** "Component/Path/Setting" for messages: the element's documented path, or its path as written when unbound. */
export function pathOf(el: BoundElement): string {
  const s = el.binding.setting;
  if (s) return s.key.slice(s.component.name.length + 1);
  const names: string[] = [];
  for (let e: BoundElement | null = el; e && e.role === 'setting'; e = e.parent) names.push(e.local);
  return names.reverse().join('/');
}
