// Parser adapter and decoding: events, scope, exact positions across encodings and line endings, bad input.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../src/source/decode.js';
import { createLineIndex } from '../src/source/line-index.js';
import { parse, MAX_DEPTH } from '../src/parser/sax-adapter.js';
import type { ElementNode, ValueNode, ComponentNode, SettingsNode } from '../src/parser/events.js';
import { FIXTURES } from './helpers/paths.js';
import { SaxesParser } from 'saxes';

const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, 'parser', name));

function collect(text: string) {
  const elements: ElementNode[] = [];
  const values: ValueNode[] = [];
  const components: ComponentNode[] = [];
  const settings: SettingsNode[] = [];
  const comments: string[] = [];
  const result = parse(text, {
    onElement: (n) => elements.push(n),
    onValue: (n) => values.push(n),
    onComponent: (n) => components.push(n),
    onSettings: (n) => settings.push(n),
    onComment: (n) => comments.push(n.text),
  });
  return { result, elements, values, components, settings, comments };
}

for (const [name, encoding] of [
  ['ok-utf8.xml', 'utf-8'],
  ['ok-utf8-bom-crlf.xml', 'utf-8'],
  ['ok-cr-only.xml', 'utf-8'],
  ['ok-utf16le.xml', 'utf-16le'],
  ['ok-utf16be.xml', 'utf-16be'],
] as const) {
  test(`${name}: decodes as ${encoding} and keeps exact positions`, () => {
    const src = decode(fixture(name));
    assert.is(src.encoding, encoding);
    assert.is(src.error, undefined);
    const { result, values, components, settings } = collect(src.text);
    assert.is(result.fatal, undefined);
    assert.is(settings[0]!.pass, 'specialize');
    assert.equal(components[0]!.identity, {
      name: 'Microsoft-Windows-Shell-Setup',
      processorArchitecture: 'amd64',
      publicKeyToken: '31bf3856ad364e35',
      language: 'neutral',
      versionScope: 'nonSxS',
    });
    const name_ = values.find((v) => v.element.local === 'ComputerName')!;
    assert.is(name_.text, 'WS-01');
    assert.is(name_.element.pass, 'specialize');
    assert.is(name_.element.component?.identity.name, 'Microsoft-Windows-Shell-Setup');
    const lines = createLineIndex(src.text);
    assert.equal(lines.position(name_.range.start), { line: 5, column: 21 });
    assert.equal(lines.position(name_.element.range.start), { line: 5, column: 7 });
    assert.is(src.text.slice(name_.range.start, name_.range.end), 'WS-01');
  });
}

test('UTF-16 without a byte order mark is recognised by its "<?" shape', () => {
  const text = '<?xml version="1.0" encoding="utf-16"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend"/>\n';
  const le = decode(Buffer.from(text, 'utf16le'));
  assert.equal([le.encoding, le.bom, le.text], ['utf-16le', false, text]);
  const be = decode(Buffer.from(text, 'utf16le').swap16());
  assert.equal([be.encoding, be.bom, be.text], ['utf-16be', false, text]);
});

test('a single-byte encoding named in the declaration decodes with it', () => {
  const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><a>Gr'), Buffer.from([0xfc, 0xdf]), Buffer.from('e</a>')]);
  const src = decode(bytes);
  assert.is(src.encoding, 'windows-1252');
  assert.ok(src.text.endsWith('<a>Grüße</a>'));
});

test('a UTF-16 byte order mark with encoding="utf-8" decodes and records the declaration', () => {
  const src = decode(fixture('bad-utf16-bom-declares-utf8.xml'));
  assert.is(src.encoding, 'utf-16le');
  assert.is(src.declaration?.encoding, 'utf-8');
  assert.is(src.text.slice(src.declaration!.encodingRange!.start, src.declaration!.encodingRange!.end), 'utf-8');
  assert.is(collect(src.text).result.fatal, undefined);
});

const fatalCases: [string, number, RegExp][] = [
  ['bad-truncated.xml', 5, /./],
  ['bad-mismatched-tags.xml', 5, /closing tag|unexpected close tag|ComputerNam/i],
  ['bad-empty.xml', 1, /root element/],
  ['bad-entity-expansion.xml', 14, /entity/],
  ['bad-ampersand.xml', 5, /unescaped "&"/],
  ['bad-leading-garbage.xml', 3, /text data outside of root node|xml declaration/i],
  ['bad-binary.xml', 1, /./],
];
for (const [name, line, re] of fatalCases) {
  test(`${name}: one fatal error with a position`, () => {
    const src = decode(fixture(name));
    const { result } = collect(src.text);
    const fatal = src.error ?? result.fatal;
    assert.ok(fatal, 'fatal error');
    assert.match(fatal!.message, re);
    if (name !== 'bad-truncated.xml' && name !== 'bad-binary.xml') {
      assert.is(createLineIndex(src.text).position(fatal!.offset).line, line);
    }
  });
}

test('invalid UTF-8 bytes are a decoding error at their position', () => {
  const src = decode(fixture('bad-invalid-utf8.xml'));
  assert.ok(src.error);
  assert.match(src.error!.message, /not valid UTF-8/);
  assert.equal(createLineIndex(src.text).position(src.error!.offset), { line: 5, column: 24 });
});

test('foreign namespaces, cpi:offlineImage and an undeclared wcm prefix are not fatal', () => {
  const text = `<?xml version="1.0"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <FirstLogonCommands>
        <SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>cmd /c echo ${'${x}'}</CommandLine></SynchronousCommand>
      </FirstLogonCommands>
    </component>
  </settings>
  <cpi:offlineImage cpi:source="wim:c:/install.wim#Windows 11 Pro" xmlns:cpi="urn:schemas-microsoft-com:cpi" />
  <Extensions xmlns="https://schneegans.de/windows/unattend-generator/"><File path="C:\\x.ps1">a</File></Extensions>
</unattend>`;
  const { result, elements } = collect(text);
  assert.is(result.fatal, undefined);
  assert.ok(result.unboundPrefixes.has('wcm'));
  const cmd = elements.find((e) => e.local === 'SynchronousCommand')!;
  assert.is(cmd.action, 'add');
  assert.is(cmd.attributes[0]!.uri, '');
  assert.is(elements.find((e) => e.local === 'offlineImage')!.role, 'foreign');
  assert.is(elements.find((e) => e.local === 'Extensions')!.role, 'foreign');
  assert.is(elements.find((e) => e.local === 'File')!.role, 'foreign');
  const attr = cmd.attributes[0]!;
  assert.is(text.slice(attr.valueRange.start, attr.valueRange.end), 'add');
  assert.is(text.slice(attr.range.start, attr.range.end), 'wcm:action="add"');
});

test('a component with xmlns="" keeps its role but leaves the unattend namespace', () => {
  const text = `<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="specialize"><component xmlns="" name="X"><A>1</A></component></settings></unattend>`;
  const { elements, components } = collect(text);
  assert.is(components.length, 1);
  assert.is(components[0]!.element.uri, '');
  assert.is(elements.find((e) => e.local === 'A')!.role, 'setting');
});

test(`nesting deeper than ${MAX_DEPTH} levels is fatal without a stack overflow (100,000 levels)`, () => {
  const n = 100_000;
  const text = '<unattend>' + '<a>'.repeat(n) + '</a>'.repeat(n) + '</unattend>';
  const { result } = collect(text);
  assert.ok(result.fatal);
  assert.match(result.fatal!.message, /nested more than 257 levels/);
  const ok = '<a>'.repeat(MAX_DEPTH) + '</a>'.repeat(MAX_DEPTH);
  assert.is(collect(ok).result.fatal, undefined);
});

test('a 2 MB attribute value parses with its exact range', () => {
  const big = 'x'.repeat(2 * 1024 * 1024);
  const text = `<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="${big}"/></unattend>`;
  const { result, settings } = collect(text);
  assert.is(result.fatal, undefined);
  assert.is(settings[0]!.pass!.length, big.length);
  assert.is(settings[0]!.passAttr!.valueRange.end - settings[0]!.passAttr!.valueRange.start, big.length);
});

test('entity references resolve in values; CDATA is text', () => {
  const text = `<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="specialize"><component name="C"><A>a &amp; b</A><B><![CDATA[<x>]]></B></component></settings></unattend>`;
  const { values } = collect(text);
  assert.equal(values.map((v) => v.text), ['a & b', '<x>']);
});


test('attribute ranges: every kind of XML white space between attributes, both quotes, self-closing tags', () => {
  const text = `<unattend xmlns="urn:schemas-microsoft-com:unattend"\r\n\txmlns:wcm='http://schemas.microsoft.com/WMIConfig/2002/State'>` +
    `<a\tx = "1"\n  y='t&amp;u'/><b z="&lt;" \r\n>v</b><c/></unattend>`;
  const { result, elements } = collect(text);
  assert.is(result.fatal, undefined);
  const shown = (e: ElementNode) => e.attributes.map((a) => [a.qname, a.value, text.slice(a.range.start, a.range.end), text.slice(a.valueRange.start, a.valueRange.end)]);
  const by = new Map(elements.map((e) => [e.local, e]));
  assert.equal(shown(by.get('unattend')!), [
    ['xmlns', 'urn:schemas-microsoft-com:unattend', 'xmlns="urn:schemas-microsoft-com:unattend"', 'urn:schemas-microsoft-com:unattend'],
    ['xmlns:wcm', 'http://schemas.microsoft.com/WMIConfig/2002/State', "xmlns:wcm='http://schemas.microsoft.com/WMIConfig/2002/State'", 'http://schemas.microsoft.com/WMIConfig/2002/State'],
  ]);
  assert.equal(shown(by.get('a')!), [['x', '1', 'x = "1"', '1'], ['y', 't&u', "y='t&amp;u'", 't&amp;u']]);
  assert.equal(shown(by.get('b')!), [['z', '<', 'z="&lt;"', '&lt;']]);
  assert.equal(shown(by.get('c')!), []);
});

test('an element knows its attribute facts without building its attributes, and its end once it closes', () => {
  const text = [
    '<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">',
    '<a/><b ></b><c x="1"/><d wcm:action="add" wcm:keyValue="k1"><e/></d><f wcm:action="remove" /><h wcm:x=""/>',
    '</unattend>',
  ].join('\n');
  const seen: { name: string; endAtStart: number; end?: number; fullEnd?: number }[] = [];
  const byName = new Map<string, ElementNode>();
  parse(text, {
    onElement: (n) => {
      byName.set(n.local, n);
      seen.push({ name: n.local, endAtStart: n.end });
    },
    onElementEnd: (n) => Object.assign(seen.find((s) => s.name === n.local)!, { end: n.end, fullEnd: n.fullRange?.end }),
  });
  // Open elements have no end; a closed one's end is its full range's, just past its end tag.
  for (const s of seen) {
    assert.is(s.endAtStart, -1, s.name);
    assert.is(s.end, s.fullEnd, s.name);
  }
  assert.is(text.slice(byName.get('b')!.range.start, byName.get('b')!.end), '<b ></b>');
  assert.is(text.slice(byName.get('f')!.range.start, byName.get('f')!.end), '<f wcm:action="remove" />');
  const facts = (name: string) => {
    const n = byName.get(name)!;
    return [n.action, n.keyValue, n.prefixedAttributes, n.unboundAttributes, n.wcmAttributeUri];
  };
  assert.equal(facts('a'), [undefined, undefined, false, false, undefined]);
  assert.equal(facts('b'), [undefined, undefined, false, false, undefined]);
  assert.equal(facts('c'), [undefined, undefined, false, false, undefined]);
  assert.equal(facts('d'), ['add', 'k1', true, false, 'http://schemas.microsoft.com/WMIConfig/2002/State']);
  assert.equal(facts('f'), ['remove', undefined, true, false, 'http://schemas.microsoft.com/WMIConfig/2002/State']);
  // The shortest prefixed attribute still counts.
  assert.equal(facts('h'), [undefined, undefined, true, false, 'http://schemas.microsoft.com/WMIConfig/2002/State']);
  assert.equal(byName.get('c')!.attributes.map((a) => [a.qname, a.value]), [['x', '1']]);
  assert.is(byName.get('d')!.qname, 'd');
  assert.is(byName.get('a')!.selfClosing, true);
  assert.is(byName.get('b')!.selfClosing, false);
});


// Namespaces are resolved by the adapter, with saxes in its plain mode: saxes' namespace mode is the oracle.
const NS_CASES: Record<string, string> = {
  'a declaration on a child is seen only below it':
    '<unattend xmlns="urn:schemas-microsoft-com:unattend"><a xmlns:p="urn:p"><p:b p:x="1"/></a><c><p:d/></c></unattend>',
  'a redeclared prefix and default namespace, and xmlns="" below':
    '<r xmlns="urn:one" xmlns:p="urn:p1"><s xmlns="urn:two" xmlns:p="urn:p2"><p:t/><u xmlns=""><v/></u></s><p:w/></r>',
  'a prefix declared later in the same tag names that tag and its attributes':
    '<p:r p:a="1" xmlns:p=" urn:trimmed "><x xml:lang="en" xmlns:q="urn:q" q:b="2"/></p:r>',
  'undeclared prefixes on elements and attributes, and a prefix declared as ""':
    '<r xmlns="urn:r" xmlns:e=""><wcm:a wcm:action="add"/><b e:x="1"/><e:c/></r>',
  'xmlns as a prefix and the xml prefix rebound':
    '<r xmlns:xml="urn:not-xml"><xml:a/><xmlns:b/></r>',
};

function saxesView(text: string): { elements: string[]; unbound: string[]; fatal: boolean; first?: { message: string; offset: number } } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const elements: string[] = [];
  const unbound = new Set<string>();
  let first: { message: string; offset: number } | undefined;
  parser.on('error', (e) => {
    const m = /unbound namespace prefix: "([^"]*)"/.exec(e.message);
    if (m) unbound.add(m[1]!);
    else if (!/prefix must be bound|default namespace may not|xml namespace to another prefix|undefine prefix|"xmlns" as prefix/.test(e.message)) {
      first ??= { message: e.message.replace(/^\d+:\d+: /, '').replace(/\.$/, ''), offset: parser.position - 1 };
    }
  });
  parser.on('opentag', (t) => {
    const bad = (p: string, uri: string): string => (unbound.has(p) && uri === p ? '' : uri);
    const attrs = Object.values(t.attributes).map((a) => `${a.name}=${bad(a.prefix, a.uri)}`);
    elements.push(`${t.prefix}|${t.local}|${bad(t.prefix, t.uri)}|${attrs.join(',')}`);
  });
  parser.write(text).close();
  return { elements, unbound: [...unbound].sort(), fatal: first !== undefined, first };
}

for (const [name, text] of Object.entries(NS_CASES)) {
  test(`namespaces as saxes resolves them: ${name}`, () => {
    const { result, elements } = collect(text);
    const oracle = saxesView(text);
    assert.is(oracle.fatal, false);
    assert.is(result.fatal, undefined);
    assert.equal(
      elements.map((e) => `${e.prefix}|${e.local}|${e.uri}|${e.attributes.map((a) => `${a.qname}=${a.uri}`).join(',')}`),
      oracle.elements,
    );
    assert.equal([...result.unboundPrefixes].sort(), oracle.unbound);
  });
}

test('namespace errors that saxes stops at stay fatal, with its words at its offset', () => {
  const cases: [string, RegExp][] = [
    ['<r xmlns:a="urn:x" xmlns:b="urn:x"><e a:k="1" b:k="2"/></r>', /^duplicate attribute: \{urn:x\}k$/],
    ['<r><a:b:c/></r>', /^malformed name: a:b:c$/],
    ['<r x:="1" y="2"/>', /^malformed name: x:$/],
    ['<r xmlns:p="http://www.w3.org/2000/xmlns/"/>', /^may not assign a prefix/],
  ];
  for (const [text, words] of cases) {
    const fatal = collect(text).result.fatal;
    const oracle = saxesView(text).first;
    assert.ok(fatal && oracle, text);
    assert.match(fatal.message, words);
    assert.is(fatal.message, oracle.message);
    assert.is(fatal.offset, oracle.offset, text);
  }
});

test('an entity a DTD declares is not expanded: the fatal message says so, at the reference (not "undefined entity")', () => {
  const text = '<?xml version="1.0"?>\n<!DOCTYPE unattend [<!ENTITY owner "ACME"> <!ENTITY x SYSTEM "file:///etc/passwd">]>\n<unattend><a>&owner;</a></unattend>';
  const fatal = collect(text).result.fatal!;
  assert.is(fatal.message, 'entity "owner" is declared in the DOCTYPE, but unattend-lint does not expand entities a DTD declares; write its text in place of &owner;');
  assert.is(fatal.offset, text.indexOf('&owner;'));
  assert.match(collect(text.replace('&owner;', '&x;')).result.fatal!.message, /^entity "x" is declared in the DOCTYPE/);
  assert.is(collect(text.replace('&owner;', '&nope;')).result.fatal!.message, 'undefined entity');
});

test.run();
