/**
 * BuildKit's AST dump (`parser.Node.Dump`), the format of the corpus `result` files:
 * one `(keyword ["--flag"…] "arg" …)` line per instruction, strings quoted as Go does.
 */
import type { Ast, InstructionNode } from './ast.ts';

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const SHORT: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"' };

/** Go `strconv.Quote`. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const short = Object.hasOwn(SHORT, ch) ? SHORT[ch] : undefined;
    if (short) out += short;
    else if (PRINTABLE.test(ch)) out += ch;
    else {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
      else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
      else out += '\\U' + cp.toString(16).padStart(8, '0');
    }
  }
  return out + '"';
}

export function dumpInstruction(node: InstructionNode): string {
  let s = node.keyword;
  if (node.flags.length > 0) s += ' [' + node.flags.map((f) => goQuote(f.text)).join(' ') + ']';
  for (const a of node.args) s += ' ' + goQuote(a.value);
  if (node.trigger) s += ' (' + dumpInstruction(node.trigger) + ')';
  return s.trim();
}

/** The whole dump, with the final newline the `result` files have. */
export function dumpAst(ast: Ast): string {
  return ast.instructions.map((n) => `(${dumpInstruction(n)})\n`).join('');
}
