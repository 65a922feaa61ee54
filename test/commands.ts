// Command-line parsing for rules that look at what answer-file commands run (rules/_helpers/commands.ts).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { invocations, programName } from '../rules/_helpers/commands.js';

const names = (line: string): string[] => invocations(line).map((i) => i.name);
const sysprepArgs = (line: string): string[] => invocations(line).filter((i) => i.name === 'sysprep').map((i) => i.args);

test('programName: folder, quotes removed before, extension and case', () => {
  assert.is(programName('C:\\Windows\\System32\\Sysprep\\Sysprep.exe'), 'sysprep');
  assert.is(programName('%WINDIR%/system32/sysprep/sysprep'), 'sysprep');
  assert.is(programName('C:\\Windows\\System32\\Sysprep'), 'sysprep');
  assert.is(programName('setup.CMD'), 'setup');
  assert.is(programName('configure.ps1'), 'configure.ps1');
});

test('a program started directly, quoted, or with a variable in its path', () => {
  assert.equal(sysprepArgs('C:\\Windows\\System32\\Sysprep\\sysprep.exe /generalize /oobe /shutdown'), ['/generalize /oobe /shutdown']);
  assert.equal(sysprepArgs('"%WINDIR%\\System32\\Sysprep\\sysprep.exe" /oobe /reboot'), ['/oobe /reboot']);
  assert.equal(sysprepArgs('@%SystemRoot%\\system32\\sysprep\\sysprep /audit'), ['/audit']);
});

test('cmd /c, /k, /s with an outer pair of quotes, start and call hand on the rest', () => {
  assert.equal(names('cmd /c C:\\Windows\\System32\\Sysprep\\sysprep.exe /oobe'), ['cmd', 'sysprep']);
  assert.equal(names('cmd.exe /q /k "cd /d %WINDIR%\\System32\\Sysprep & sysprep /generalize"'), ['cmd', 'cd', 'sysprep']);
  assert.equal(names('cmd /s /c ""C:\\Windows\\System32\\Sysprep\\sysprep.exe" /generalize"'), ['cmd', 'sysprep']);
  assert.equal(names('cmd /c start "" /wait /d C:\\Windows sysprep.exe /oobe'), ['cmd', 'sysprep']);
  assert.equal(names('call C:\\Windows\\System32\\Sysprep\\sysprep.exe /oobe'), ['sysprep']);
  assert.equal(names('cmd /cC:\\Windows\\System32\\Sysprep\\sysprep.exe /oobe'), ['cmd', 'sysprep']);
});

test('cmd if: the command after exist/defined/errorlevel, a comparison, /i and not, and in ( … ) else ( … ) blocks', () => {
  assert.equal(names('cmd /c if exist C:\\ready.txt %WINDIR%\\System32\\Sysprep\\sysprep.exe /generalize'), ['cmd', 'sysprep']);
  assert.equal(names('if not exist x.txt sysprep /oobe'), ['sysprep']);
  assert.equal(names('if /i "%A%"=="b" sysprep /oobe'), ['sysprep']);
  assert.equal(names('if %A% EQU 1 sysprep /audit'), ['sysprep']);
  assert.equal(names('if errorlevel 1 sysprep /oobe'), ['sysprep']);
  assert.equal(names('if defined X ( sysprep /oobe )'), ['sysprep']);
  assert.equal(names('if exist a (echo a) else (sysprep /generalize)'), ['echo', 'sysprep']);
  // Not a cmd if: a program named "if" in quotes, or an if with no command.
  assert.equal(names('"if" exist a b'), ['if']);
  assert.equal(names('if exist a'), []);
});

test('commands joined with &, &&, || and |; quoted and escaped separators do not split', () => {
  assert.equal(names('cd C:\\Windows\\System32\\Sysprep && sysprep /oobe || exit 1'), ['cd', 'sysprep', 'exit']);
  assert.equal(names('echo "a & sysprep /oobe" > x.txt'), ['echo']);
  assert.equal(names('echo a ^& sysprep /oobe'), ['echo']);
});

test('PowerShell: -Command (quoted or not, abbreviated), & and ., Start-Process with named or positional parameters', () => {
  assert.equal(
    sysprepArgs(`powershell -NoProfile -ExecutionPolicy Bypass -Command "& 'C:\\Windows\\System32\\Sysprep\\sysprep.exe' /generalize /oobe"`),
    ['/generalize /oobe'],
  );
  assert.equal(
    sysprepArgs(`powershell.exe -Comm Start-Process -FilePath "$env:windir\\System32\\Sysprep\\Sysprep.exe" -ArgumentList '/generalize','/oobe' -Wait`),
    ['/generalize /oobe'],
  );
  assert.equal(sysprepArgs(`pwsh -c "Start-Process sysprep.exe '/oobe /quit' -Wait -WindowStyle Hidden"`), ['/oobe /quit']);
  assert.equal(sysprepArgs(`powershell -c "saps -Wait -Args '/audit' -File C:\\Windows\\System32\\Sysprep\\sysprep.exe"`), ['/audit']);
  assert.equal(sysprepArgs(`powershell Invoke-Expression 'C:\\Windows\\System32\\Sysprep\\sysprep.exe /oobe'`), ['/oobe']);
  assert.equal(sysprepArgs(`powershell -Command "if ($true) { & $env:SystemRoot\\System32\\Sysprep\\sysprep.exe /oobe }"`), ['/oobe']);
  assert.equal(sysprepArgs(`powershell -Command "& \\"C:\\Windows\\System32\\Sysprep\\sysprep.exe\\" /generalize"`), ['/generalize']);
  // Start-Process starting cmd, which starts sysprep.
  assert.equal(sysprepArgs(`powershell -Command "Start-Process cmd -ArgumentList '/c','sysprep /oobe'"`), ['/oobe']);
});

test('PowerShell -EncodedCommand is decoded (base64 of UTF-16LE)', () => {
  const script = 'Start-Process C:\\Windows\\System32\\Sysprep\\sysprep.exe -ArgumentList "/generalize /oobe"';
  const b64 = Buffer.from(script, 'utf16le').toString('base64');
  assert.equal(sysprepArgs(`powershell -NoProfile -EncodedCommand ${b64}`), ['/generalize /oobe']);
  assert.equal(sysprepArgs('powershell -enc notbase64!'), []);
});

test('naming a file in the Sysprep folder does not run sysprep', () => {
  for (const line of [
    'cmd /c del /q /f %WINDIR%\\System32\\Sysprep\\unattend.xml',
    'cmd /c copy D:\\Autounattend.xml %WINDIR%\\system32\\sysprep\\Unattend.xml',
    'cmd /c copy /y D:\\unattend.xml C:\\Windows\\System32\\Sysprep',
    'powershell -file C:\\Windows\\System32\\Sysprep\\configure-windows.ps1',
    'powershell -NoLogo -ExecutionPolicy RemoteSigned -File C:\\Windows\\Temp\\UpdateAndSysprep.ps1',
    '"C:\\ProgramData\\Amazon\\EC2-Windows\\Launch\\Sysprep\\SysprepSpecialize.cmd"',
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -ExecutionPolicy ByPass -File C:\\temp\\setup.ps1 post-sysprep',
    'reg add HKLM\\SYSTEM\\Setup /v CmdLine /d "C:\\Windows\\System32\\Sysprep\\sysprep.exe /oobe" /f',
    `powershell -Command "Remove-Item $env:windir\\System32\\Sysprep\\unattend.xml"`,
  ]) {
    assert.equal(sysprepArgs(line), [], line);
  }
});

test('deep nesting stops instead of recursing without end', () => {
  const line = 'cmd /c '.repeat(20) + 'sysprep /oobe';
  assert.equal(sysprepArgs(line), []);
  assert.equal(sysprepArgs('cmd /c '.repeat(3) + 'sysprep /oobe'), ['/oobe']);
});

test.run();
