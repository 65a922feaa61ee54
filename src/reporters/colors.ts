// ANSI styles for the text reporter, on or off as the caller decides (reporters never look at the terminal or the
// environment). A style nested in another of the same kind re-opens the outer one where the inner one closes, as
// picocolors does, so output is the same as with it.

export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

const plain = (text: string): string => text;

function style(open: string, close: string, replace = open): (text: string) => string {
  return (text) => {
    let index = text.indexOf(close, open.length);
    if (index < 0) return open + text + close;
    let out = '';
    let cursor = 0;
    do {
      out += text.substring(cursor, index) + replace;
      cursor = index + close.length;
      index = text.indexOf(close, cursor);
    } while (index >= 0);
    return open + out + text.substring(cursor) + close;
  };
}

export function createColors(enabled: boolean): Colors {
  if (!enabled) return { bold: plain, dim: plain, underline: plain, red: plain, yellow: plain };
  return {
    bold: style('\x1b[1m', '\x1b[22m', '\x1b[22m\x1b[1m'),
    dim: style('\x1b[2m', '\x1b[22m', '\x1b[22m\x1b[2m'),
    underline: style('\x1b[4m', '\x1b[24m'),
    red: style('\x1b[31m', '\x1b[39m'),
    yellow: style('\x1b[33m', '\x1b[39m'),
  };
}
