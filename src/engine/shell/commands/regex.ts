/**
 * POSIX regular expressions (basic and extended, with the GNU extensions busybox and GNU
 * grep/sed accept: \+ \? \| in BRE, \< \> \b \w \s) translated to JavaScript RegExp source.
 */

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
  print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
};

export class RegexError extends Error {}

export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  let i = 0;
  let atStart = true;
  const n = pattern.length;
  while (i < n) {
    const c = pattern[i];
    const wasStart = atStart;
    atStart = false;
    if (c === '[') {
      let j = i + 1;
      let cls = '';
      if (pattern[j] === '^') {
        cls += '^';
        j++;
      }
      if (pattern[j] === ']') {
        cls += '\\]';
        j++;
      }
      while (j < n && pattern[j] !== ']') {
        if (pattern[j] === '[' && pattern[j + 1] === ':') {
          const e = pattern.indexOf(':]', j + 2);
          if (e < 0) throw new RegexError('unterminated character class');
          cls += CLASSES[pattern.slice(j + 2, e)] ?? '';
          j = e + 2;
        } else if (pattern[j] === '\\') {
          cls += '\\\\';
          j++;
        } else if (pattern[j] === '[' || (pattern[j] === '^' && cls !== '')) {
          cls += '\\' + pattern[j++];
        } else cls += pattern[j++];
      }
      if (j >= n) throw new RegexError('unterminated [');
      out += `[${cls}]`;
      i = j + 1;
      continue;
    }
    if (c === '\\' && i + 1 < n) {
      const d = pattern[i + 1];
      i += 2;
      if (!extended && '(){}|+?'.includes(d)) {
        out += d;
        if (d === '(') atStart = true;
      } else if (/[0-9]/.test(d)) out += '\\' + d;
      else if (d === '<') out += '\\b(?=\\w)';
      else if (d === '>') out += '\\b(?<=\\w)';
      else if ('bBwWsS'.includes(d)) out += '\\' + d;
      else if (d === 'n') out += '\\n';
      else if (d === 't') out += '\\t';
      else out += escapeJs(d);
      continue;
    }
    if (extended) {
      if (c === '{' && !/^\{[0-9]+(,[0-9]*)?\}/.test(pattern.slice(i))) out += '\\{';
      else if ('()|+?{}'.includes(c)) {
        out += c;
        if (c === '(' || c === '|') atStart = true;
      } else if (c === '*' && wasStart) out += '\\*';
      else out += c === '^' || c === '$' || c === '.' || c === '*' ? c : escapeJs(c);
    } else {
      if (c === '*' && wasStart) out += '\\*';
      else if (c === '^' && !wasStart) out += '\\^';
      else if (c === '$' && i + 1 < n && !pattern.startsWith('\\)', i + 1) && !pattern.startsWith('\\|', i + 1)) out += '\\$';
      else out += c === '^' || c === '$' || c === '.' || c === '*' ? c : escapeJs(c);
    }
    i++;
  }
  return out;
}

function escapeJs(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

export function compile(pattern: string, opts: { extended: boolean; ignoreCase?: boolean; global?: boolean; fixed?: boolean }): RegExp {
  const src = opts.fixed ? pattern.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : posixToJs(pattern, opts.extended);
  try {
    return new RegExp(src, (opts.ignoreCase ? 'i' : '') + (opts.global ? 'g' : '') + 'm');
  } catch {
    throw new RegexError(`bad regex '${pattern}'`);
  }
}
