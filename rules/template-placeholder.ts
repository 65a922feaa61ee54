// template-placeholder: a template token left in a rendered answer file becomes a literal (and invalid) value.
import { defineRule } from '../src/engine/rule.js';
import type { ElementNode } from '../src/parser/events.js';
import { findPlaceholders, type PlaceholderContext } from './_helpers/placeholders.js';
import { anyBetween } from '../src/util/sorted.js';

/** Elements whose text is a command line or path, where %VAR% and PowerShell ${x} are normal syntax. */
const COMMAND_ELEMENTS = new Set(['CommandLine', 'Path', 'Command']);

/** A user's token pattern: literal text where * stands for any run of characters up to a space or markup. */
const tokenPattern = (p: string): RegExp =>
  new RegExp(p.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\s<>"\']*'), 'g');

const MARKS = /[{@#$%]/;

/** Comments keep their length but lose their text, so offsets stay exact and commented-out tokens are ignored. */
const blankComments = (raw: string): string => raw.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));

export default defineRule<
  { placeholder: (d: { token: string; where: string }) => string },
  { patterns: string[] }
>({
  meta: {
    id: 'template-placeholder',
    summary: 'No unreplaced template placeholders ({{ var }}, ${var}, @VAR@, @@{var}@@, #VAR#, a lone %var% or $var) in values and attributes',
    category: 'correctness',
    severity: 'error',
    messages: {
      placeholder: (d) => `template placeholder "${d.token}" was never replaced in ${d.where}; render the template before using this file`,
    },
    schema: {
      type: 'object',
      properties: {
        patterns: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'More placeholder tokens, matched case-sensitively anywhere; * stands for any run of non-space characters (e.g. "CHANGEME", "YOUR-*", "__*__")',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { patterns: [] },
  },
  create(ctx) {
    const extra = (ctx.options.patterns ?? []).map(tokenPattern);
    // Where the next text run of each open element starts (after its start tag or its last child).
    const cursor = new Map<ElementNode, number>();

    // Offsets of the characters every built-in placeholder shape holds, found once per file: "is there one
    // between these offsets?" is then a binary search, with nothing sliced for the many runs that hold none.
    let marks: number[] | undefined;
    const hasMark = (start: number, end: number): boolean =>
      anyBetween((marks ??= [...ctx.text.matchAll(new RegExp(MARKS.source, 'g'))].map((m) => m.index)), start, end);

    function scan(start: number, end: number, context: PlaceholderContext, where: () => string): void {
      if (extra.length === 0 && !hasMark(start, end)) return;
      const raw = blankComments(ctx.text.slice(start, end));
      const found = findPlaceholders(raw, context);
      for (const re of extra) for (const m of raw.matchAll(re)) if (m[0]) found.push({ index: m.index, token: m[0] });
      for (const p of found) {
        const range = { start: start + p.index, end: start + p.index + p.token.length };
        ctx.report('placeholder', range, { token: p.token, where: where() });
      }
    }

    // Text between child elements: templates insert whole blocks there, e.g. ${oobeSystemComponents}.
    function gap(node: ElementNode, end: number): void {
      const start = cursor.get(node) ?? node.range.end;
      if (node.role !== 'foreign' && end > start) scan(start, end, 'value', () => `<${node.qname}>`);
    }

    return {
      onElement(node) {
        if (node.parent) gap(node.parent, node.range.start);
        // Setup never expands variables in its own attributes; other namespaces' data may use %VAR% paths.
        const context = node.role === 'foreign' ? 'value' : 'attribute';
        // Every built-in placeholder shape holds one of these: without them (and user patterns) no attribute can match.
        if (extra.length === 0 && !hasMark(node.range.start, node.range.end)) return;
        for (const a of node.attributes) {
          scan(a.valueRange.start, a.valueRange.end, context, () => `the ${a.qname} attribute of <${node.qname}>`);
        }
      },
      onValue(value) {
        const el = value.element;
        // Foreign content (generator script payloads, embedded XML) follows its own syntax.
        if (el.role === 'foreign') return;
        const context = COMMAND_ELEMENTS.has(el.local) ? 'command' : el.binding.secret ? 'secret' : 'value';
        scan(value.range.start, value.range.end, context, () => `<${el.qname}>`);
      },
      onElementEnd(node) {
        if (node.childCount > 0 && !node.selfClosing) gap(node, ctx.text.lastIndexOf('<', node.fullRange!.end - 1));
        cursor.delete(node);
        if (node.parent) cursor.set(node.parent, node.fullRange!.end);
      },
    };
  },
});
