// Engine: dispatch to visitor hooks, report validation, internal errors, inline directives, secret masking.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintSource } from '../src/engine/run.js';
import { defineRule, type AnyRule } from '../src/engine/rule.js';
import { InternalError } from '../src/engine/errors.js';
import { createPlan } from '../src/engine/plan.js';
import { quoteValue } from '../src/engine/quote.js';
import type { KnowledgeBase } from '../src/kb/types.js';
import { createKnowledgeBase } from '../src/kb/load.js';
import { pathOf } from '../rules/_helpers/setting.js';

const kb: KnowledgeBase = createKnowledgeBase({});

const FILE = `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral">
      <UserAccounts>
        <AdministratorPassword>
          <Value>S3cr3t-Pa55</Value>
          <PlainText>true</PlainText>
        </AdministratorPassword>
      </UserAccounts>
      <RegisteredOwner>Owner</RegisteredOwner>
      <RegisteredOrganization>Org</RegisteredOrganization>
    </component>
  </settings>
</unattend>
`;

/** Reports every leaf value, quoting it (so that masking can be checked). */
const everyValue = defineRule({
  meta: {
    id: 'every-value',
    summary: 'Reports every value',
    category: 'style',
    severity: 'error',
    messages: { value: (d: { name: string; text: string }) => `<${d.name}> is "${d.text}"` },
  },
  create(ctx) {
    return {
      onValue(v) {
        if (v.text.trim()) ctx.report('value', v.range, { name: v.element.local, text: v.text });
      },
    };
  },
});

const lint = (text: string, rules: AnyRule[], extra: object = {}) =>
  lintSource(text, {
    filePath: '/x/unattend.xml',
    rules: rules.map((rule) => ({ rule, severity: 2 as const, options: {} })),
    kb,
    knownRuleIds: new Set(rules.map((r) => r.meta.id)),
    directiveSeverity: 1,
    ...extra,
  });

test('hooks fire in document order with pass, component and path', () => {
  const seen: string[] = [];
  const order = defineRule({
    meta: { id: 'order', summary: 'Order', category: 'style', severity: 'warn', messages: {} },
    create: () => ({
      onDocument: (d) => seen.push(`doc:${d.root.local}`),
      onSettings: (s) => seen.push(`settings:${s.pass}`),
      onComponent: (c) => seen.push(`component:${c.identity.name}`),
      onValue: (v) => seen.push(`value:${pathOf(v.element)}@${v.element.pass}`),
      onComponentEnd: () => seen.push('component-end'),
      onDocumentEnd: () => seen.push('end'),
    }),
  });
  lint(FILE, [order]);
  assert.equal(seen, [
    'doc:unattend',
    'settings:oobeSystem',
    'component:Microsoft-Windows-Shell-Setup',
    'value:UserAccounts/AdministratorPassword/Value@oobeSystem',
    'value:UserAccounts/AdministratorPassword/PlainText@oobeSystem',
    'value:RegisteredOwner@oobeSystem',
    'value:RegisteredOrganization@oobeSystem',
    'component-end',
    'end',
  ]);
});


test('quoteValue: as written in double quotes, line breaks and tabs visible, cut after 60 characters (not code units)', () => {
  // A Windows path and DOMAIN\user read as in the file: no doubled backslashes, no escaped quotes.
  assert.is(quoteValue('CORP\\svc-join'), '"CORP\\svc-join"');
  assert.is(quoteValue('C:\\new\\x.cmd "a b"'), '"C:\\new\\x.cmd "a b""');
  // Each line break (CRLF, LF or CR) is one mark; a tab is an arrow; other control characters are escaped.
  assert.is(quoteValue('a\r\nb\nc\rd\te\u0001'), '"a↵b↵c↵d→e\\u0001"');
  assert.is(quoteValue('x'.repeat(60)), `"${'x'.repeat(60)}"`);
  assert.is(quoteValue('x'.repeat(61)), `"${'x'.repeat(60)}…"`);
  // 40 astral characters are 80 code units and still under the limit; 61 of them are cut after 60.
  assert.is(quoteValue('😀'.repeat(40)), `"${'😀'.repeat(40)}"`);
  assert.is(quoteValue('😀'.repeat(61)), `"${'😀'.repeat(60)}…"`);
  assert.is(quoteValue('ab', 1), '"a…"');
});

test('plain elements: a rule with plainElements false hears every element but plain settings', () => {
  const text = `<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:x="urn:x">
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral">
      <ComputerName>PC</ComputerName>
      <RunSynchronous><RunSynchronousCommand wcm:action="add"><Order>1</Order></RunSynchronousCommand></RunSynchronous>
      <x:Extra/>
      <TimeZone xmlns="">UTC</TimeZone>
    </component>
    <Misplaced/>
  </settings>
</unattend>`;
  const heard = (plainElements: boolean | undefined): string[] => {
    const seen: string[] = [];
    const rule = defineRule({
      meta: { id: 'namespaces', summary: 'Namespaces', category: 'style', severity: 'warn', messages: {}, ...(plainElements === undefined ? {} : { plainElements }) },
      create: () => ({
        onElement: (n) => void seen.push(`${n.qname}${n.plain ? '*' : ''}`),
        onValue: (v) => void seen.push(`value:${v.element.local}`),
      }),
    });
    lint(text, [rule]);
    return seen;
  };
  const rule = (plainElements: boolean) =>
    defineRule({ meta: { id: 'r', summary: 'R', category: 'style', severity: 'warn', messages: {}, plainElements }, create: () => ({}) });
  const plan = createPlan([false, true].map((p) => ({ rule: rule(p), severity: 1 as const, options: {} })), kb);
  assert.equal(plan.elementRules(undefined, 'unjudged', true), [1], 'a plain element: only the rule that hears plain ones');
  assert.equal(plan.elementRules(undefined, 'unjudged', false), [0, 1]);
  assert.equal(plan.elementRules(undefined, 'unjudged'), [0, 1], 'not plain unless said');
  const every = heard(undefined);
  assert.equal(every.filter((s) => s.endsWith('*')), ['ComputerName*', 'RunSynchronous*', 'Order*']);
  assert.equal(heard(true), every);
  assert.equal(heard(false), [
    'unattend', 'settings', 'component', 'RunSynchronousCommand', 'x:Extra', 'value:Extra', 'TimeZone', 'value:TimeZone', 'Misplaced', 'value:Misplaced',
  ]);
});

test('a visitor made by a class or without a prototype hears its hooks, and one plan serves files whose visitors differ', () => {
  const seen: string[] = [];
  class Counter {
    constructor(private readonly name: string) {}
    onComponent(): void {
      seen.push(`${this.name}:component`);
    }
    onValue(v: { element: { local: string } }): void {
      if (v.element.local === 'RegisteredOwner') seen.push(`${this.name}:value`);
    }
  }
  const byClass = defineRule({
    meta: { id: 'by-class', summary: 'Class', category: 'style', severity: 'warn', messages: {} },
    create: () => new Counter('class') as never,
  });
  // Hooks that depend on the file: the plan's tables are per shape of the file's visitors.
  const byFile = defineRule({
    meta: { id: 'by-file', summary: 'Per file', category: 'style', severity: 'warn', messages: {} },
    create: (ctx) => {
      const v = Object.create(null) as Record<string, (n: { local?: string; element?: { local: string } }) => void>;
      // Keys that are no hooks, some named like members of every object, are left alone.
      v['toString'] = () => seen.push('toString called');
      v['helper'] = () => seen.push('helper called');
      if (ctx.filePath.endsWith('a.xml')) v['onElement'] = (n) => void (n.local === 'RegisteredOwner' && seen.push('a:element'));
      else v['onValue'] = (n) => void (n.element?.local === 'RegisteredOwner' && seen.push('b:value'));
      return v as never;
    },
  });
  const rules = [byClass, byFile].map((rule) => ({ rule, severity: 2 as const, options: {} }));
  const plan = createPlan(rules, kb);
  for (const filePath of ['/x/a.xml', '/x/b.xml', '/x/a.xml']) lintSource(FILE, { filePath, rules, kb, plan });
  assert.equal(seen, [
    'class:component', 'a:element', 'class:value',
    'class:component', 'class:value', 'b:value',
    'class:component', 'a:element', 'class:value',
  ]);
});
test('findings carry 1-based positions, severity and docs; secrets never appear in messages', () => {
  const r = lint(FILE, [everyValue]);
  assert.is(r.errorCount, 4);
  const pw = r.messages[0]!;
  assert.equal([pw.line, pw.column, pw.endLine, pw.endColumn], [7, 18, 7, 29]);
  assert.is(pw.message, '<Value> is "********"');
  assert.not.ok(JSON.stringify(r.messages).includes('S3cr3t-Pa55'));
  assert.equal(r.secretRanges, [{ start: FILE.indexOf('S3cr3t'), end: FILE.indexOf('S3cr3t') + 11 }]);
});

test('a range a rule marks with ctx.markSecret is masked in every message, as element secrets are', () => {
  const marker = defineRule({
    meta: { id: 'marker', summary: 'Marks', category: 'security', severity: 'warn', messages: { m: (d: { v: string }) => `owner is "${d.v}"` } },
    create: (ctx) => ({
      onValue(v) {
        if (v.element.local !== 'RegisteredOwner') return;
        ctx.markSecret(v.range);
        ctx.report('m', v.range, { v: v.text });
      },
    }),
  });
  const r = lint(FILE, [marker, everyValue]);
  assert.ok(r.messages.length >= 2);
  assert.not.ok(r.messages.some((m) => m.message.includes('Owner"') || m.message.includes('"Owner')), JSON.stringify(r.messages));
  assert.ok(r.secretRanges!.some((s) => FILE.slice(s.start, s.end) === 'Owner'));
});

test('a rule that throws becomes an InternalError naming the rule, file and position', () => {
  const boom = defineRule({
    meta: { id: 'boom', summary: 'Boom', category: 'style', severity: 'error', messages: {} },
    create: () => ({
      onComponent() {
        throw new Error('kaput');
      },
    }),
  });
  try {
    lint(FILE, [boom]);
    assert.unreachable('should throw');
  } catch (err) {
    assert.instance(err, InternalError);
    assert.match((err as Error).message, /rule "boom" crashed on \/x\/unattend\.xml:4:5: kaput/);
  }
});

test('reports are validated: unknown message id and out-of-file ranges are internal errors', () => {
  const badId = defineRule({
    meta: { id: 'bad-id', summary: 'Bad', category: 'style', severity: 'error', messages: { a: () => 'a' } },
    create: (ctx) => ({ onDocument: (d) => ctx.report('b' as 'a', d.root.range, undefined) }),
  });
  const badRange = defineRule({
    meta: { id: 'bad-range', summary: 'Bad', category: 'style', severity: 'error', messages: { a: () => 'a' } },
    create: (ctx) => ({ onDocument: () => ctx.report('a', { start: 0, end: 1e9 }, undefined) }),
  });
  assert.throws(() => lint(FILE, [badId]), /unknown message id "b"/);
  assert.throws(() => lint(FILE, [badRange]), /range outside/);
});

test('the configured severity is the severity of every finding', () => {
  const rule = defineRule({
    meta: { id: 'soft', summary: 'Soft', category: 'style', severity: 'warn', messages: { a: () => 'a' } },
    create: (ctx) => ({ onDocument: (d) => ctx.report('a', d.root.nameRange, undefined) }),
  });
  const r = lintSource(FILE, { filePath: 'f.xml', rules: [{ rule, severity: 2, options: {} }], kb });
  assert.is(r.errorCount, 1);
  assert.is(r.warningCount, 0);
});

test('fatal parse errors stop structural events: no onDocumentEnd', () => {
  let ended = false;
  const end = defineRule({
    meta: { id: 'end', summary: 'End', category: 'style', severity: 'error', messages: {} },
    create: () => ({ onDocumentEnd: () => (ended = true) }),
  });
  const r = lint(FILE.replace('</RegisteredOwner>', '</Owner>'), [end]);
  assert.is(ended, false);
  assert.is(r.fatalErrorCount, 1);
  assert.is(r.messages[0]!.ruleId, null);
  assert.is(r.messages[0]!.line, 11);
});

test('a file that is not well-formed gets its fatal finding only: none a rule made before the error, none about directives', () => {
  const broken = withComment(11, 'unattend-lint-disable-next-line every-value: never used').replace('</RegisteredOwner>', '</Owner>');
  const r = lintSource(broken, { filePath: 'f.xml', rules: [{ rule: everyValue, severity: 2, options: {} }], kb, directiveSeverity: 1 });
  assert.equal(r.messages.map((m) => [m.ruleId, !!m.fatal]), [[null, true]]);
  assert.equal([r.errorCount, r.warningCount, r.fatalErrorCount], [1, 0, 1]);
  // Well-formed, the same file gets the rule's findings and the unused directive's.
  const fine = lintSource(withComment(11, 'unattend-lint-disable-next-line every-value: never used'), { filePath: 'f.xml', rules: [{ rule: everyValue, severity: 2, options: {} }], kb, directiveSeverity: 1 });
  assert.ok(fine.messages.length > 1 && fine.messages.every((m) => !m.fatal));
});

test('"--" inside a comment is fatal with what XML allows, and where a directive\'s reason goes', () => {
  const r = lint(withComment(3, 'unattend-lint-disable-next-line every-value -- reason'), [everyValue]);
  assert.is(r.messages.length, 1);
  assert.match(r.messages[0]!.message, /^malformed comment: XML forbids "--" inside a comment .*write the reason after a colon$/);
  // An ordinary comment gets no advice about directives.
  const plain = lint(withComment(3, 'a -- b'), [everyValue]);
  assert.match(plain.messages[0]!.message, /^malformed comment: XML forbids "--" inside a comment \(only its end "-->" has two hyphens\)$/);
});

test('a mismatched end tag is fatal at its "<", naming both elements', () => {
  const text = FILE.replace('</RegisteredOwner>', '</Owner>');
  const r = lint(text, []);
  assert.is(r.messages.length, 1);
  assert.match(r.messages[0]!.message, /^end tag <\/Owner> does not match the open element <RegisteredOwner>$/);
  const line = text.split('\n')[r.messages[0]!.line - 1]!;
  assert.is(line.slice(r.messages[0]!.column - 1, r.messages[0]!.column + 7), '</Owner>');
});

const withComment = (line: number, comment: string): string => {
  const lines = FILE.split('\n');
  lines.splice(line - 1, 0, `      <!-- ${comment} -->`);
  return lines.join('\n');
};

test('disable-next-line suppresses only the next line and only the named rule', () => {
  const r = lint(withComment(11, 'unattend-lint-disable-next-line every-value: owner is a test value'), [everyValue]);
  assert.equal(r.messages.map((m) => m.line), [7, 8, 13]);
});

test('disable/enable blocks and disable-file', () => {
  const src = withComment(12, 'unattend-lint-enable every-value').replace('<UserAccounts>', '<!-- unattend-lint-disable every-value --><UserAccounts>');
  assert.equal(lint(src, [everyValue]).messages.map((m) => m.line), [13]);
  const file = lint(withComment(2, 'unattend-lint-disable-file'), [everyValue]);
  assert.is(file.messages.length, 0);
});

test('a disable-file directive already seen drops the findings it silences as they are reported, and counts as used', () => {
  let formatted = 0;
  const counted = defineRule({
    ...everyValue,
    meta: { ...everyValue.meta, messages: { value: (d: { name: string; text: string }) => `${++formatted}: <${d.name}> is "${d.text}"` } },
  });
  // Before every finding: none is kept, none is even formatted, and the directive is not unused.
  const early = lint(withComment(2, 'unattend-lint-disable-file every-value: generated'), [counted]);
  assert.equal([early.messages, formatted], [[], 0]);
  // After them: the same findings are silenced at the end.
  const late = lint(FILE.replace('</unattend>', '<!-- unattend-lint-disable-file every-value --></unattend>'), [counted]);
  assert.equal([late.messages, formatted > 0], [[], true]);
  // One naming another rule drops nothing, and is reported unused.
  const other = lint(withComment(2, 'unattend-lint-disable-file no-such-rule'), [counted]);
  assert.equal(other.messages.filter((m) => m.ruleId === 'every-value').map((m) => m.line), [8, 9, 12, 13]);
});

test('unused and unknown-rule directives are reported as warnings', () => {
  const r = lint(withComment(3, 'unattend-lint-disable-next-line every-value, no-such-rule'), [everyValue]);
  const d = r.messages.filter((m) => m.ruleId === 'inline-directive');
  assert.is(d.length, 2);
  assert.ok(d.every((m) => m.severity === 1 && m.line === 3));
  assert.match(d.map((m) => m.message).join('\n'), /unknown rule "no-such-rule"/);
  assert.match(d.map((m) => m.message).join('\n'), /unused unattend-lint-disable-next-line directive for "every-value"/);
  assert.match(d.map((m) => m.message).join('\n'), /"no-such-rule"; check the rule id/);
  // A near miss of a known rule id gets the nearest one, as config files and --rule do.
  const typo = lint(withComment(3, 'unattend-lint-disable-next-line every-valu'), [everyValue]);
  assert.ok(typo.messages.some((m) => m.ruleId === 'inline-directive' && /names unknown rule "every-valu"; did you mean "every-value"\?$/.test(m.message)));
  const off = lint(withComment(3, 'unattend-lint-disable-next-line every-value'), [everyValue], { directiveSeverity: 0 });
  assert.not.ok(off.messages.some((m) => m.ruleId === 'inline-directive'));
});

test('a comment that starts like a directive but is none (misspelt, upper case) is reported, since it suppresses nothing', () => {
  const message = (comment: string) =>
    lint(withComment(3, comment), [everyValue]).messages.filter((m) => m.ruleId === 'inline-directive' && m.line === 3).map((m) => m.message);
  assert.equal(message('unattend-lint-disable-next-lin every-value'), [
    '"unattend-lint-disable-next-lin" is not an unattend-lint directive, so this comment suppresses nothing; did you mean "unattend-lint-disable-next-line"?',
  ]);
  assert.match(message('UNATTEND-LINT-DISABLE every-value')[0]!, /directives are written in lower case: "unattend-lint-disable"$/);
  assert.match(message('unattend-lint-config whatever')[0]!, /the directives are unattend-lint-disable, -enable/);
  // The misspelt one suppresses nothing: the finding it meant is still there.
  assert.equal(lint(withComment(11, 'unattend-lint-disable-next-lin every-value'), [everyValue]).messages.filter((m) => m.ruleId === 'every-value').map((m) => m.line), [7, 8, 12, 13]);
  assert.equal(lint(withComment(3, 'unattend-lint-disable-next-lin'), [everyValue], { directiveSeverity: 0 }).messages.filter((m) => m.ruleId === 'inline-directive'), []);
});

test.run();
