// Deterministic bench inputs: a corpus of typical answer files grown from the fixtures, and adversarial files.
import { closeSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** mulberry32: small, fast, good enough to pick seeds and sizes reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NS = 'xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State"';
const identity = (arch: string): string =>
  `processorArchitecture="${arch}" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"`;
const IDENTITY = identity('amd64');
const WCM_NS = 'xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State"';

function listFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) listFiles(p, out);
    else out.push(p);
  }
  return out;
}

/** UTF-8 answer files to grow from: fixtures/examples and every fixtures/rules/<id>/ok-*.xml, in a fixed order. */
export function seedFiles(): { path: string; text: string }[] {
  const paths = [
    ...listFiles(join(ROOT, 'fixtures', 'examples')),
    ...listFiles(join(ROOT, 'fixtures', 'rules')).filter((p) => /[\\/]ok-[^\\/]*\.xml$/.test(p)),
  ].filter((p) => p.endsWith('.xml'));
  const seeds: { path: string; text: string }[] = [];
  for (const path of paths) {
    const bytes = readFileSync(path);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) continue; // UTF-16
    const text = bytes.toString('utf8');
    if (!text.includes('</unattend>') || !/<unattend[\s>]/.test(text)) continue;
    seeds.push({ path, text });
  }
  return seeds;
}

// ---------------------------------------------------------------------------------------------------
// Growth: what a real answer file gains as it is maintained. Each piece lands in a pass and component;
// list items land in a list (a path of wrapper elements) inside it, plain settings directly inside it.

interface Piece {
  pass: string;
  component: string;
  /** Wrapper elements from the component down to the list, e.g. ['UserAccounts', 'LocalAccounts']. */
  list?: string[];
  /** Name of the plain setting (added once per component) or of the list item. */
  name: string;
  /** XML of the piece; `#` is replaced by the item's Order when the piece is rendered. */
  xml: string;
}

const WORDS = ['contoso', 'fabrikam', 'northwind', 'tailspin', 'litware', 'adatum', 'proseware', 'wingtip'];
const TOOLS = [
  'cmd /c reg add "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\OOBE" /v DisablePrivacyExperience /t REG_DWORD /d 1 /f',
  'powershell -NoProfile -ExecutionPolicy Bypass -Command "Set-ItemProperty -Path HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Terminal*Server -Name fDenyTSConnections -Value 0"',
  'cmd /c netsh advfirewall firewall set rule group="remote desktop" new enable=yes',
  'cmd /c powercfg /change monitor-timeout-ac 0',
  'powershell -NoProfile -Command "Enable-PSRemoting -Force; winrm quickconfig -q"',
  'cmd /c mkdir C:\\Setup\\Logs &amp; echo done &gt;&gt; C:\\Setup\\Logs\\setup.log',
  'msiexec /i C:\\Setup\\Packages\\agent.msi /qn /norestart',
  'cmd /c sc config wuauserv start= disabled',
  'powershell -NoProfile -File C:\\Windows\\Setup\\Scripts\\configure.ps1',
  'cmd /c bcdedit /set {current} bootmenupolicy legacy',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** One random piece; `i` makes names and commands distinct within a file. */
function randomPiece(rand: () => number, i: number): Piece {
  const word = pick(rand, WORDS);
  const tool = pick(rand, TOOLS);
  const r = rand();
  if (r < 0.3) {
    return {
      pass: 'specialize',
      component: 'Microsoft-Windows-Deployment',
      list: ['RunSynchronous'],
      name: 'RunSynchronousCommand',
      xml: `<RunSynchronousCommand wcm:action="add">
          <Order>#</Order>
          <Description>${word} step ${i}</Description>
          <Path>${tool}</Path>
        </RunSynchronousCommand>`,
    };
  }
  if (r < 0.5) {
    return {
      pass: 'oobeSystem',
      component: 'Microsoft-Windows-Shell-Setup',
      list: ['FirstLogonCommands'],
      name: 'SynchronousCommand',
      xml: `<SynchronousCommand wcm:action="add">
          <Order>#</Order>
          <Description>${word} logon ${i}</Description>
          <CommandLine>${tool}</CommandLine>
          <RequiresUserInput>false</RequiresUserInput>
        </SynchronousCommand>`,
    };
  }
  if (r < 0.6) {
    return {
      pass: 'windowsPE',
      component: 'Microsoft-Windows-Setup',
      list: ['RunSynchronous'],
      name: 'RunSynchronousCommand',
      xml: `<RunSynchronousCommand wcm:action="add">
          <Order>#</Order>
          <Path>cmd /c echo windowsPE ${i} &gt;&gt; X:\\Windows\\Temp\\pe.log</Path>
        </RunSynchronousCommand>`,
    };
  }
  if (r < 0.75) {
    const pwd = Buffer.from(`${word}-Passw0rd-${i}Password`, 'utf16le').toString('base64');
    return {
      pass: 'oobeSystem',
      component: 'Microsoft-Windows-Shell-Setup',
      list: ['UserAccounts', 'LocalAccounts'],
      name: 'LocalAccount',
      xml: `<LocalAccount wcm:action="add">
            <Name>${word}${i}</Name>
            <DisplayName>${word} user ${i}</DisplayName>
            <Description>account for ${word}</Description>
            <Group>${rand() < 0.3 ? 'Administrators' : 'Users'}</Group>
            <Password>
              <Value>${pwd}</Value>
              <PlainText>false</PlainText>
            </Password>
          </LocalAccount>`,
    };
  }
  if (r < 0.8) {
    return {
      pass: 'specialize',
      component: 'Networking-MPSSVC-Svc',
      list: ['FirewallGroups'],
      name: 'FirewallGroup',
      xml: `<FirewallGroup wcm:action="add" wcm:keyValue="${word}${i}">
          <Active>true</Active>
          <Group>${word} group ${i}</Group>
          <Profile>${pick(rand, ['all', 'domain', 'private', 'public'])}</Profile>
        </FirewallGroup>`,
    };
  }
  if (r < 0.84) {
    return {
      pass: 'specialize',
      component: 'Microsoft-Windows-DNS-Client',
      list: ['DNSSuffixSearchOrder'],
      name: 'DomainName',
      xml: `<DomainName wcm:action="add" wcm:keyValue="${i}">${word}${i}.example.com</DomainName>`,
    };
  }
  // Plain settings and whole components: added once per component (a repeat is skipped).
  const plain: [string, string, string, string][] = [
    ['specialize', 'Microsoft-Windows-Shell-Setup', 'RegisteredOwner', `<RegisteredOwner>${word} IT</RegisteredOwner>`],
    ['specialize', 'Microsoft-Windows-Shell-Setup', 'RegisteredOrganization', `<RegisteredOrganization>${word}</RegisteredOrganization>`],
    ['specialize', 'Microsoft-Windows-Shell-Setup', 'CopyProfile', '<CopyProfile>true</CopyProfile>'],
    ['oobeSystem', 'Microsoft-Windows-Shell-Setup', 'DisableAutoDaylightTimeSet', '<DisableAutoDaylightTimeSet>false</DisableAutoDaylightTimeSet>'],
    ['oobeSystem', 'Microsoft-Windows-Shell-Setup', 'Themes', '<Themes>\n        <ThemeName>Windows</ThemeName>\n      </Themes>'],
    ['specialize', 'Microsoft-Windows-TerminalServices-LocalSessionManager', 'fDenyTSConnections', '<fDenyTSConnections>false</fDenyTSConnections>'],
    ['specialize', 'Microsoft-Windows-IE-ESC', 'IEHardenAdmin', '<IEHardenAdmin>false</IEHardenAdmin>'],
    ['specialize', 'Microsoft-Windows-IE-ESC', 'IEHardenUser', '<IEHardenUser>false</IEHardenUser>'],
    ['specialize', 'Microsoft-Windows-DNS-Client', 'DNSDomain', `<DNSDomain>${word}.example.com</DNSDomain>`],
    ['specialize', 'Microsoft-Windows-DNS-Client', 'UseDomainNameDevolution', '<UseDomainNameDevolution>true</UseDomainNameDevolution>'],
    ['specialize', 'Microsoft-Windows-UnattendedJoin', 'Identification', `<Identification>\n        <JoinWorkgroup>${word.toUpperCase()}</JoinWorkgroup>\n      </Identification>`],
    ['specialize', 'Microsoft-Windows-ServerManager-SvrMgrNc', 'DoNotOpenServerManagerAtLogon', '<DoNotOpenServerManagerAtLogon>true</DoNotOpenServerManagerAtLogon>'],
    ['specialize', 'Microsoft-Windows-Security-SPP-UX', 'SkipAutoActivation', '<SkipAutoActivation>true</SkipAutoActivation>'],
    ['generalize', 'Microsoft-Windows-PnpSysprep', 'PersistAllDeviceInstalls', '<PersistAllDeviceInstalls>false</PersistAllDeviceInstalls>'],
    ['generalize', 'Microsoft-Windows-Security-SPP', 'SkipRearm', '<SkipRearm>1</SkipRearm>'],
    ['offlineServicing', 'Microsoft-Windows-LUA-Settings', 'EnableLUA', '<EnableLUA>true</EnableLUA>'],
    ['windowsPE', 'Microsoft-Windows-Setup', 'UserData', `<UserData>\n        <AcceptEula>true</AcceptEula>\n        <FullName>${word}</FullName>\n        <Organization>${word}</Organization>\n      </UserData>`],
  ];
  const [pass, component, name, xml] = pick(rand, plain);
  return { pass, component, name, xml };
}

interface Block {
  start: number;
  end: number;
}

/** The element `<tag …>…</tag>` (first one at or after `from`, before `limit`) as open-tag end and close-tag start. */
function findElement(text: string, tag: string, from: number, limit: number, attr?: string): Block | undefined {
  const re = new RegExp(`<${tag}(?=[\\s>/])[^>]*>`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < limit; m = re.exec(text)) {
    if (attr && !m[0].includes(attr)) continue;
    if (m[0].endsWith('/>')) continue;
    const close = text.indexOf(`</${tag}>`, m.index);
    if (close < 0 || close > limit) return undefined;
    return { start: m.index + m[0].length, end: close };
  }
  return undefined;
}

/** Inserts the pieces into the seed: into the existing pass, component and list when there is one, else new ones. */
function render(seed: string, pieces: Piece[]): string {
  let text = seed;
  // New components take the seed's architecture; wcm: needs its namespace on the root.
  const arch = /processorArchitecture="(amd64|x86|arm64|wow64)"/.exec(seed)?.[1] ?? 'amd64';
  if (!text.includes('xmlns:wcm=')) text = text.replace(/<unattend(?=[\s>])/, `<unattend ${WCM_NS}`);
  const insert = (at: number, s: string): void => {
    text = text.slice(0, at) + s + text.slice(at);
  };
  // Group by pass, then component, keeping first-seen order.
  const byPass = new Map<string, Map<string, Piece[]>>();
  for (const p of pieces) {
    let comps = byPass.get(p.pass);
    if (!comps) byPass.set(p.pass, (comps = new Map()));
    let list = comps.get(p.component);
    if (!list) comps.set(p.component, (list = []));
    list.push(p);
  }
  for (const [pass, comps] of byPass) {
    for (const [component, list] of comps) {
      const settings = findElement(text, 'settings', 0, text.length, `pass="${pass}"`);
      if (!settings) {
        const at = text.lastIndexOf('</unattend>');
        insert(at, `  <settings pass="${pass}">\n  </settings>\n`);
      }
      const s = findElement(text, 'settings', 0, text.length, `pass="${pass}"`)!;
      if (!findElement(text, 'component', s.start, s.end, `name="${component}"`)) {
        insert(s.start, `\n    <component name="${component}" ${identity(arch)}>\n    </component>`);
      }
      const s2 = findElement(text, 'settings', 0, text.length, `pass="${pass}"`)!;
      const c = findElement(text, 'component', s2.start, s2.end, `name="${component}"`)!;
      addToComponent(c, list);
    }
  }
  return text;

  function addToComponent(c: Block, list: Piece[]): void {
    // Lists: items appended at the end of the existing list (Orders continue after its items), or a new list.
    const lists = new Map<string, Piece[]>();
    const plain: Piece[] = [];
    for (const p of list) {
      if (!p.list) plain.push(p);
      else {
        const key = p.list.join('/');
        lists.set(key, [...(lists.get(key) ?? []), p]);
      }
    }
    const parts: string[] = [];
    const body = text.slice(c.start, c.end);
    const seen = new Set<string>();
    for (const p of plain) {
      if (seen.has(p.name) || new RegExp(`<${p.name}[\\s>/]`).test(body)) continue;
      seen.add(p.name);
      parts.push(`\n      ${p.xml}`);
    }
    const inserts: { at: number; s: string }[] = [];
    for (const [key, items] of lists) {
      const wrappers = key.split('/');
      let block: Block = c;
      let depth = 0;
      for (const w of wrappers) {
        const b = findElement(text, w, block.start, block.end);
        if (!b) break;
        block = b;
        depth++;
      }
      const inner = text.slice(block.start, block.end);
      let order = (inner.match(new RegExp(`<${items[0]!.name}[\\s>]`, 'g')) ?? []).length;
      const xml = items.map((p) => `        ${p.xml.replace('#', String(++order))}\n`).join('');
      const open = wrappers.slice(depth).map((w) => `<${w}>`).join('\n      ');
      const close = wrappers.slice(depth).reverse().map((w) => `</${w}>`).join('\n      ');
      const s = open ? `  ${open}\n${xml}      ${close}\n    ` : `  ${xml.trimStart()}      `;
      inserts.push({ at: depth ? block.end : c.end, s });
    }
    if (parts.length) inserts.push({ at: c.start, s: parts.join('') });
    // Insert from the end so earlier offsets stay valid.
    for (const { at, s } of inserts.sort((a, b) => b.at - a.at)) insert(at, s);
  }
}

/** A typical answer file of about `target` bytes grown from `seed`. */
export function growFile(seed: string, target: number, rand: () => number): string {
  const pieces: Piece[] = [];
  let size = seed.length;
  for (let i = 1; size < target; i++) {
    const p = randomPiece(rand, i);
    pieces.push(p);
    size += p.xml.length + 16;
  }
  return render(seed, pieces);
}

/** Writes `count` grown answer files (sizes uniform in [min, max] bytes) to `dir`; returns their total bytes. */
export function writeSyntheticCorpus(dir: string, count: number, seedValue = 20240611, min = 5 * 1024, max = 30 * 1024): number {
  const rand = prng(seedValue);
  const seeds = seedFiles();
  let total = 0;
  for (let i = 0; i < count; i++) {
    const seed = pick(rand, seeds);
    const target = min + Math.floor(rand() * (max - min));
    let text = growFile(seed.text, target, rand);
    if (text.length > max) text = growFile(seed.text, target - (text.length - max) - 512, prng(seedValue + i));
    const name = `${String(i + 1).padStart(4, '0')}-unattend.xml`;
    writeFileSync(join(dir, name), text);
    total += Buffer.byteLength(text);
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------
// Adversarial inputs, each a function of n.

const envelope = (pass: string, component: string, body: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>
<unattend ${NS}>
  <settings pass="${pass}">
    <component name="${component}" ${IDENTITY}>
${body}
    </component>
  </settings>
</unattend>
`;

export interface Adversarial {
  id: string;
  what: string;
  /** Default n. */
  n: number;
  make(n: number): string;
}

function joinN(n: number, item: (i: number) => string): string {
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = item(i);
  return parts.join('\n');
}

export const ADVERSARIAL: Adversarial[] = [
  {
    id: 'deep-nesting',
    what: 'n nested elements inside a component (parse must stop at the first fatal error)',
    n: 20_000,
    make: (n) => envelope('specialize', 'Microsoft-Windows-Shell-Setup',
      `${'<OEMInformation>'.repeat(n)}x${'</OEMInformation>'.repeat(n)}`),
  },
  {
    id: 'repeated-keys',
    what: 'RunSynchronous list of n items, all <Order>1</Order> and wcm:keyValue="1"',
    n: 10_000,
    make: (n) => envelope('specialize', 'Microsoft-Windows-Deployment', `      <RunSynchronous>
${joinN(n, (i) => `        <RunSynchronousCommand wcm:action="add" wcm:keyValue="1"><Order>1</Order><Path>cmd /c echo ${i}</Path></RunSynchronousCommand>`)}
      </RunSynchronous>`),
  },
  {
    id: 'password-commands',
    what: 'n commands `net user adminN P@ss…N /add`, each with a distinct password',
    n: 10_000,
    make: (n) => envelope('specialize', 'Microsoft-Windows-Deployment', `      <RunSynchronous>
${joinN(n, (i) => `        <RunSynchronousCommand wcm:action="add"><Order>${i + 1}</Order><Path>net user admin${i} P@ss${(i * 7919).toString(36)}w0rd! /add</Path></RunSynchronousCommand>`)}
      </RunSynchronous>`),
  },
  {
    id: 'many-findings',
    what: 'n commands each with an invalid <Order>0</Order> and a {{ placeholder }} (2 findings each)',
    n: 100_000,
    make: (n) => envelope('specialize', 'Microsoft-Windows-Deployment', `      <RunSynchronous>
${joinN(n, (i) => `<RunSynchronousCommand wcm:action="add"><Order>0</Order><Path>{{ cmd${i} }}</Path></RunSynchronousCommand>`)}
      </RunSynchronous>`),
  },
];

/** A tiny, clean answer file: the fixed cost of one lint (startup) that the scaling ratios subtract. */
export const TINY = envelope('specialize', 'Microsoft-Windows-Shell-Setup', '      <ComputerName>BENCH-01</ComputerName>');

/** One RunSynchronous command of the big files. */
const command = (order: number, step: number): string =>
  `        <RunSynchronousCommand wcm:action="add"><Order>${order}</Order><Path>cmd /c echo step ${step} &gt;&gt; C:\\Windows\\Temp\\log.txt</Path><Description>step ${step}</Description></RunSynchronousCommand>`;

/** The existing heap figure's input: the UEFI example with `items` extra commands in specialize. */
export function syntheticFile(items: number): string {
  const cmds = Array.from({ length: items }, (_, i) => command(i + 1, i)).join('\n');
  const base = readFileSync(join(ROOT, 'fixtures', 'examples', 'autounattend-uefi.xml'), 'utf8');
  return base.replace(
    '<settings pass="specialize">',
    `<settings pass="specialize">
    <component name="Microsoft-Windows-Deployment" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <RunSynchronous>
${cmds}
      </RunSynchronous>
    </component>`,
  );
}

/** One small, clean answer file (a few hundred bytes); `i` makes its computer name distinct. */
export const smallFile = (i: number): string =>
  envelope('specialize', 'Microsoft-Windows-Shell-Setup', `      <ComputerName>BENCH-${String(i).padStart(5, '0')}</ComputerName>`);

/** The directive the big file carries: Setup runs at most 500 commands per list, so its Orders past 500 are findings. */
export const BIG_FILE_DIRECTIVE = '<!-- unattend-lint-disable-file order-unique: a generated list far longer than Setup runs -->';

/**
 * Writes a valid answer file of at least `bytes` bytes to `path`: the UEFI example with one huge RunSynchronous list
 * in specialize (commands numbered from 1, the file-wide directive above for order-unique's 1–500 range), written
 * in batches so that it is never held whole. The same `bytes` always gives the same file.
 */
export function writeBigAnswerFile(path: string, bytes: number): { bytes: number; commands: number } {
  const text = syntheticFile(0).replace('<settings pass="specialize">', `${BIG_FILE_DIRECTIVE}\n  <settings pass="specialize">`);
  const mark = '<RunSynchronous>\n';
  const cut = text.indexOf(mark) + mark.length;
  const head = text.slice(0, cut);
  const tail = text.slice(cut).replace(/^\n/, '');
  const fd = openSync(path, 'w');
  try {
    let size = writeSync(fd, head);
    const budget = bytes - Buffer.byteLength(tail);
    let next = 1;
    while (size < budget) {
      const batch: string[] = [];
      for (let k = 0; k < 4096 && size < budget; k++) {
        const item = `${command(next, next)}\n`;
        next++;
        batch.push(item);
        size += item.length; // ASCII
      }
      writeSync(fd, batch.join(''));
    }
    return { bytes: size + writeSync(fd, tail), commands: next - 1 };
  } finally {
    closeSync(fd);
  }
}

