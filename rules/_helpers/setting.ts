// Paths of bound elements for messages (what the binder resolved, or what is written where it resolved nothing).
import type { BoundElement } from '../../src/binder/bind.js';

/** "Path/To/Setting" below the component: the element's documented path, or its path as written when unbound. */
export function pathOf(el: BoundElement): string {
  const s = el.binding.setting;
  if (s) return s.key.slice(s.component.name.length + 1);
  const names: string[] = [];
  for (let e: BoundElement | null = el; e && e.role === 'setting'; e = e.parent) names.push(e.local);
  return names.reverse().join('/');
}
