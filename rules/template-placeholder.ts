// template-placeholder: a template token left in a rendered answer file becomes a literal (and invalid) value.
import { defineRule, ownWords } from '../src/engine/rule.js';
import type { AttributeNode, ElementNode } from '../src/parser/events.js';
import { findPlaceholders, type PlaceholderContext } from './_helpers/placeholders.js';
import { anyBetween } from '../src/util/sorted.js';

/** Elements whose text is a command line or path, where %VAR% and PowerShell ${x} are normal syntax. */
const COMMAND_ELEMENTS = new Set(['CommandLine', 'Path', 'Command']);

/** A user's token pattern: literal text where * stands for any run of characters up to a space or markup. */
const tokenPattern = (p: string): RegExp =>
  new RegExp(p.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\s<>"\']*'), 'g');

/** Tokens of shapes that a password may hold as ordinary characters; the others ({{ }}, {% %}, @@{ }@@) never. */
const BRACED_TOKEN = /^(?:\{\{|\{%|@@\{)/;
/** Where a token inside a credential on a command line stands on its own: white space, a quote or the end beside it. */
const standsAlone = (raw: string, index: number, end: number): boolean =>
  (index === 0 || /[\s"';=:]/.test(raw[index - 1]!)) && (end === raw.length || /[\s"'<&;]/.test(raw[end]!));

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
      placeholder: (d) => `template placeholder ${d.token} was never replaced in ${d.where}; render the template before using this file`,
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
    // Where the next text run of each open element starts (after its start tag or its last child), by depth.
    const cursor: number[] = [];

    // Offsets of the characters every built-in placeholder shape holds, found once per file: "is there one
    // between these offsets?" is then a binary search, with nothing sliced for the many runs that hold none.
    const mayHold = (start: number, end: number): boolean => extra.length > 0 || anyBetween(ctx.templateMarks(), start, end);

    // Where a token is, in words, is worked out only when one is found (no closure is made for the many runs without).
    function scan(start: number, end: number, context: PlaceholderContext, node: ElementNode, attr?: AttributeNode): void {
      const raw = blankComments(ctx.slice(start, end));
      const found = findPlaceholders(raw, context);
      for (const re of extra) for (const m of raw.matchAll(re)) if (m[0]) found.push({ index: m.index, token: m[0] });
      for (const p of found) {
        const range = { start: start + p.index, end: start + p.index + p.token.length };
        const secret = ctx.isSecret(range);
        // A password given on a command line (net user NAME P@SS@1) may hold "@X@" or "#X#" as characters; a
        // template's token there stands on its own (net user NAME @ADMIN_PASSWORD@).
        if (secret && context !== 'secret' && !BRACED_TOKEN.test(p.token) && !standsAlone(raw, p.index, p.index + p.token.length)) continue;
        const where = attr ? `the ${attr.qname} attribute of <${node.qname}>` : `<${node.qname}>`;
        // A token in a secret is not quoted: it may be part of the password.
        const token = secret ? ownWords('(not shown: it is in a secret value)') : ctx.quote(p.token, range);
        ctx.report('placeholder', range, { token, where });
      }
    }

    // Text between child elements: templates insert whole blocks there, e.g. ${oobeSystemComponents}.
    function gap(node: ElementNode, start: number, end: number): void {
      if (node.role !== 'foreign' && end > start && mayHold(start, end)) scan(start, end, 'value', node);
    }

    // A file without any of those characters (and no user patterns) holds no token: nothing to follow.
    if (extra.length === 0 && ctx.templateMarks().length === 0) return {};

    return {
      onElement(node) {
        const depth = node.depth;
        if (node.parent) gap(node.parent, cursor[depth - 1]!, node.range.start);
        cursor[depth] = node.range.end;
        // Every built-in placeholder shape holds one of these: without them (and user patterns) no attribute can match.
        if (!mayHold(node.range.start, node.range.end)) return;
        // Setup never expands variables in its own attributes; other namespaces' data may use %VAR% paths.
        const context = node.role === 'foreign' ? 'value' : 'attribute';
        for (const a of node.attributes) {
          scan(a.valueRange.start, a.valueRange.end, context, node, a);
        }
      },
      onValue(value) {
        const el = value.element;
        // Foreign content (generator script payloads, embedded XML) follows its own syntax.
        if (el.role === 'foreign' || !mayHold(value.range.start, value.range.end)) return;
        const context = COMMAND_ELEMENTS.has(el.local) ? 'command' : el.binding.secret ? 'secret' : 'value';
        scan(value.range.start, value.range.end, context, el);
      },
      onElementEnd(node) {
        const end = node.end;
        const start = cursor[node.depth]!;
        // The end tag's "<" is looked for only where the run before it may hold a token.
        if (node.childCount > 0 && !node.selfClosing && mayHold(start, end)) gap(node, start, start + ctx.slice(start, end).lastIndexOf('<'));
        if (node.parent) cursor[node.depth - 1] = end;
      },
    };
  },
});
