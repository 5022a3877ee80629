/**
 * awk's grammar (POSIX), by recursive descent. Precedence from low to high: assignment,
 * ?:, ||, &&, in, ~ !~, relational, `cmd | getline`, concatenation, + -, * / %, unary,
 * ^, ++ --, $, grouping. Inside print's arguments a bare `>` redirects output.
 */
import type { AwkFunction, Expr, LValue, Program, Redirect, Rule, Stmt } from './ast.ts';
import { AwkSyntaxError, type Token, type TokenType } from './lexer.ts';

/** Tokens that may start an operand that is concatenated to the one before. */
const CONCAT_START = new Set<TokenType>(['num', 'str', 'ere', 'name', 'funcname', 'builtin', '$', '(', '++', '--']);

export class UndefinedFunction extends Error {
  constructor(readonly line: number, readonly name: string) {
    super('Call to undefined function');
  }
}

export function parseProgram(tokens: Token[]): Program {
  return new Parser(tokens).program();
}

class Parser {
  private pos = 0;
  /** In print's arguments, outside parentheses: `>` is a redirection. */
  private noGt = false;
  /** Parameters of the function being parsed. */
  private locals: string[] = [];
  private readonly calls: { name: string; line: number }[] = [];

  constructor(private readonly tokens: Token[]) {}

  program(): Program {
    const prog: Program = { begin: [], rules: [], end: [], functions: new Map() };
    this.skipTerminators();
    while (!this.at('eof')) {
      if (this.eat('BEGIN')) prog.begin.push(this.block());
      else if (this.eat('END')) prog.end.push(this.block());
      else if (this.at('function')) this.functionDef(prog.functions);
      else prog.rules.push(this.rule());
      this.skipTerminators();
    }
    for (const call of this.calls) if (!prog.functions.has(call.name)) throw new UndefinedFunction(call.line, call.name);
    return prog;
  }

  private rule(): Rule {
    const rule: Rule = {};
    if (!this.at('{')) {
      rule.pattern = this.expr();
      if (this.eat(',')) {
        this.skipNewlines();
        rule.end = this.expr();
      }
    }
    if (this.at('{')) rule.action = this.block();
    else if (!this.at('nl') && !this.at(';') && !this.at('eof')) this.fail();
    return rule;
  }

  private functionDef(into: Map<string, AwkFunction>): void {
    this.next();
    const nameTok = this.next();
    if (nameTok.type !== 'name' && nameTok.type !== 'funcname') this.fail(nameTok);
    this.expect('(');
    const params: string[] = [];
    while (!this.eat(')')) {
      const p = this.next();
      if (p.type !== 'name') this.fail(p);
      params.push(p.text);
      this.skipNewlines();
      if (!this.at(')')) this.expect(',');
      this.skipNewlines();
    }
    this.skipNewlines();
    this.locals = params;
    const body = this.block();
    this.locals = [];
    into.set(nameTok.text, { name: nameTok.text, params, body });
  }

  private block(): Stmt[] {
    this.skipNewlines();
    this.expect('{');
    const body: Stmt[] = [];
    this.skipTerminators();
    while (!this.eat('}')) {
      if (this.at('eof')) this.fail();
      body.push(this.statement());
      this.skipTerminators();
    }
    return body;
  }

  private statement(): Stmt {
    const t = this.peek();
    switch (t.type) {
      case '{':
        return { k: 'block', body: this.block() };
      case 'if': {
        this.next();
        this.expect('(');
        const c = this.expr();
        this.expect(')');
        const then = this.body();
        const save = this.pos;
        this.skipTerminators();
        if (this.eat('else')) return { k: 'if', c, then, else: this.body() };
        this.pos = save;
        return { k: 'if', c, then };
      }
      case 'while': {
        this.next();
        this.expect('(');
        const c = this.expr();
        this.expect(')');
        if (this.at(';')) {
          this.next();
          return { k: 'while', c, body: { k: 'block', body: [] } };
        }
        return { k: 'while', c, body: this.body() };
      }
      case 'do': {
        this.next();
        const body = this.body();
        this.skipTerminators();
        this.expect('while');
        this.expect('(');
        const c = this.expr();
        this.expect(')');
        this.endSimple();
        return { k: 'do', body, c };
      }
      case 'for':
        return this.forStatement();
      case ';':
        this.next();
        return { k: 'block', body: [] };
      default: {
        const s = this.simpleStatement();
        this.endSimple();
        return s;
      }
    }
  }

  /** The body of if/while/for: a statement, possibly on the next line. */
  private body(): Stmt {
    this.skipNewlines();
    return this.statement();
  }

  private forStatement(): Stmt {
    this.next();
    this.expect('(');
    const a = this.peek(1);
    const b = this.peek(2);
    const c = this.peek(3);
    if (this.at('name') && a.type === 'in' && b.type === 'name' && c.type === ')') {
      const target = this.variable(this.next().text);
      this.next();
      const arr = this.next().text;
      this.next();
      return { k: 'forin', target, name: arr, local: this.locals.indexOf(arr), body: this.body() };
    }
    const init = this.at(';') ? undefined : this.expr();
    this.expect(';');
    this.skipNewlines();
    const cond = this.at(';') ? undefined : this.expr();
    this.expect(';');
    this.skipNewlines();
    const step = this.at(')') ? undefined : this.expr();
    this.expect(')');
    if (this.at(';')) {
      this.next();
      return { k: 'for', init, c: cond, step, body: { k: 'block', body: [] } };
    }
    return { k: 'for', init, c: cond, step, body: this.body() };
  }

  private simpleStatement(): Stmt {
    const t = this.next();
    switch (t.type) {
      case 'print':
      case 'printf':
        return this.print(t);
      case 'next':
      case 'nextfile':
      case 'break':
      case 'continue':
        return { k: t.type };
      case 'exit':
      case 'return':
        return { k: t.type, e: this.atEndOfSimple() ? undefined : this.expr() };
      case 'delete': {
        const name = this.next();
        if (name.type !== 'name') this.fail(name);
        const local = this.locals.indexOf(name.text);
        if (this.eat('[')) return { k: 'delete', name: name.text, local, subs: this.subscripts() };
        return { k: 'delete', name: name.text, local };
      }
      default:
        this.pos--;
        return { k: 'expr', e: this.expr() };
    }
  }

  private print(t: Token): Stmt {
    const kind = t.type as 'print' | 'printf';
    let args: Expr[] = [];
    const saved = this.noGt;
    this.noGt = true;
    if (!this.atEndOfSimple() && !this.at('>') && !this.at('>>') && !this.at('|')) {
      args = [this.expr()];
      while (this.eat(',')) {
        this.skipNewlines();
        args.push(this.expr());
      }
    }
    this.noGt = saved;
    if (args.length === 1 && args[0].k === 'group') args = args[0].items;
    let redirect: Redirect | undefined;
    const r = this.peek();
    if (r.type === '>' || r.type === '>>' || r.type === '|') {
      this.next();
      const savedGt = this.noGt;
      this.noGt = true;
      redirect = { op: r.type, e: this.concatenation() };
      this.noGt = savedGt;
    }
    if (kind === 'printf' && args.length === 0) this.fail(t);
    return { k: kind, args, redirect, line: t.line };
  }

  private atEndOfSimple(): boolean {
    const t = this.peek().type;
    return t === ';' || t === 'nl' || t === '}' || t === 'eof';
  }

  private endSimple(): void {
    if (this.eat(';') || this.eat('nl')) return;
    if (this.at('}') || this.at('eof')) return;
    this.fail();
  }

  // ---- expressions -----------------------------------------------------------

  expr(): Expr {
    return this.ternary();
  }

  private ternary(): Expr {
    const c = this.or();
    if (this.eat('?')) {
      this.skipNewlines();
      const a = this.ternary();
      this.skipNewlines();
      this.expect(':');
      this.skipNewlines();
      const b = this.ternary();
      return { k: 'cond', c, a, b };
    }
    const op = this.peek().type;
    if (isAssign(op) && isLValue(c)) {
      this.next();
      this.skipNewlines();
      return { k: 'assign', op, target: c, e: this.ternary() };
    }
    return c;
  }

  private or(): Expr {
    return this.logical('||', () => this.and());
  }

  private and(): Expr {
    return this.logical('&&', () => this.inExpr());
  }

  /** || and &&: a newline may follow the operator. */
  private logical(op: '||' | '&&', operand: () => Expr): Expr {
    let a = operand();
    while (this.eat(op)) {
      this.skipNewlines();
      a = { k: op === '||' ? 'or' : 'and', a, b: operand() };
    }
    return a;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (this.at('in')) {
      this.next();
      const name = this.next();
      if (name.type !== 'name') this.fail(name);
      a = { k: 'in', subs: a.k === 'group' ? a.items : [a], name: name.text, local: this.locals.indexOf(name.text) };
    }
    return a;
  }

  private matchExpr(): Expr {
    let a = this.comparison();
    for (;;) {
      if (this.eat('~')) a = { k: 'match', neg: false, a, re: this.comparison() };
      else if (this.eat('!~')) a = { k: 'match', neg: true, a, re: this.comparison() };
      else return a;
    }
  }

  private comparison(): Expr {
    let a = this.pipeGetline();
    for (;;) {
      const op = this.peek().type;
      if (op === '<' || op === '<=' || op === '==' || op === '!=' || op === '>=' || (op === '>' && !this.noGt)) {
        this.next();
        this.skipNewlines();
        a = { k: 'cmp', op, a, b: this.pipeGetline() };
      } else return a;
    }
  }

  private pipeGetline(): Expr {
    let a = this.concatenation();
    while (this.at('|') && this.peek(1).type === 'getline') {
      this.next();
      this.next();
      a = { k: 'getline', from: 'cmd', src: a, target: this.optionalLValue() };
    }
    return a;
  }

  private concatenation(): Expr {
    let a = this.additive();
    while (CONCAT_START.has(this.peek().type)) {
      const t = this.peek().type;
      if ((t === '++' || t === '--') && isLValue(a)) break;
      a = { k: 'concat', a, b: this.additive() };
    }
    return a;
  }

  private additive(): Expr {
    return this.binary(['+', '-'], () => this.multiplicative());
  }

  private multiplicative(): Expr {
    return this.binary(['*', '/', '%'], () => this.unary());
  }

  /** A left-associative level of arithmetic operators (a newline may follow one). */
  private binary(ops: TokenType[], operand: () => Expr): Expr {
    let a = operand();
    for (;;) {
      const op = this.peek().type;
      if (!ops.includes(op)) return a;
      this.next();
      this.skipNewlines();
      a = { k: 'bin', op, a, b: operand() };
    }
  }

  private unary(): Expr {
    const t = this.peek().type;
    if (t === '!' || t === '-' || t === '+') {
      this.next();
      return { k: 'unary', op: t, e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const a = this.postfix();
    if (this.eat('^')) return { k: 'bin', op: '^', a, b: this.powerRight() };
    return a;
  }

  /** The right side of ^: may carry its own sign (2^-1), and groups to the right. */
  private powerRight(): Expr {
    const t = this.peek().type;
    if (t === '-' || t === '+' || t === '!') {
      this.next();
      return { k: 'unary', op: t, e: this.powerRight() };
    }
    return this.power();
  }

  private postfix(): Expr {
    const t = this.peek().type;
    if (t === '++' || t === '--') {
      this.next();
      const target = this.primary();
      if (!isLValue(target)) this.fail();
      return { k: 'incdec', op: t, prefix: true, target };
    }
    const e = this.primary();
    if (isLValue(e)) {
      const op = this.peek().type;
      if (op === '++' || op === '--') {
        this.next();
        return { k: 'incdec', op, prefix: false, target: e };
      }
    }
    return e;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'num':
        return { k: 'num', v: t.num ?? 0 };
      case 'str':
        return { k: 'str', v: t.text };
      case 'ere':
        return { k: 're', src: t.text };
      case '$': {
        const n = this.peek().type;
        if (n === '++' || n === '--' || n === '-' || n === '+' || n === '!') {
          this.next();
          const operand = this.primary();
          if (n === '++' || n === '--') {
            if (!isLValue(operand)) this.fail();
            return { k: 'field', e: { k: 'incdec', op: n, prefix: true, target: operand } };
          }
          return { k: 'field', e: { k: 'unary', op: n, e: operand } };
        }
        return { k: 'field', e: this.primary() };
      }
      case '(': {
        const saved = this.noGt;
        this.noGt = false;
        this.skipNewlines();
        const items = [this.expr()];
        while (this.eat(',')) {
          this.skipNewlines();
          items.push(this.expr());
        }
        this.skipNewlines();
        this.expect(')');
        this.noGt = saved;
        return items.length === 1 ? groupOf(items[0]) : { k: 'group', items };
      }
      case 'name': {
        if (this.eat('[')) {
          return { k: 'index', name: t.text, local: this.locals.indexOf(t.text), subs: this.subscripts() };
        }
        return this.variable(t.text);
      }
      case 'funcname': {
        this.expect('(');
        const args = this.args();
        this.calls.push({ name: t.text, line: t.line });
        return { k: 'call', name: t.text, args, line: t.line };
      }
      case 'builtin': {
        if (this.eat('(')) return { k: 'builtin', name: t.text, args: this.args(), line: t.line };
        if (t.text === 'length') return { k: 'builtin', name: 'length', args: [], line: t.line };
        return this.fail(t);
      }
      case 'getline': {
        const target = this.optionalLValue();
        if (this.eat('<')) return { k: 'getline', from: 'file', target, src: this.primaryNoConcat() };
        return { k: 'getline', from: 'main', target };
      }
      default:
        return this.fail(t);
    }
  }

  /** getline's file: one operand, since `getline < "a" "b"` reads "a". */
  private primaryNoConcat(): Expr {
    return this.postfix();
  }

  private optionalLValue(): LValue | undefined {
    const t = this.peek().type;
    if (t !== '$' && t !== 'name') return undefined;
    const e = this.primary();
    return isLValue(e) ? e : this.fail();
  }

  private args(): Expr[] {
    const saved = this.noGt;
    this.noGt = false;
    const args: Expr[] = [];
    this.skipNewlines();
    while (!this.eat(')')) {
      args.push(this.expr());
      this.skipNewlines();
      if (!this.at(')')) {
        this.expect(',');
        this.skipNewlines();
        if (this.at(')')) this.fail();
      }
    }
    this.noGt = saved;
    return args;
  }

  private subscripts(): Expr[] {
    const saved = this.noGt;
    this.noGt = false;
    const subs = [this.expr()];
    while (this.eat(',')) {
      this.skipNewlines();
      subs.push(this.expr());
    }
    this.expect(']');
    this.noGt = saved;
    return subs;
  }

  private variable(name: string): LValue {
    return { k: 'var', name, local: this.locals.indexOf(name) };
  }

  // ---- tokens ------------------------------------------------------------------

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)];
  }

  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private at(type: TokenType): boolean {
    return this.peek().type === type;
  }

  private eat(type: TokenType): boolean {
    if (!this.at(type)) return false;
    this.next();
    return true;
  }

  private expect(type: TokenType): void {
    if (!this.eat(type)) this.fail();
  }

  private skipNewlines(): void {
    while (this.eat('nl'));
  }

  private skipTerminators(): void {
    while (this.eat('nl') || this.eat(';'));
  }

  private fail(t: Token = this.peek()): never {
    if (t.type === 'eof') throw new AwkSyntaxError('token', t.line, 'end of file');
    throw new AwkSyntaxError('token', t.line, t.text);
  }
}

function isAssign(t: TokenType): t is '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '^=' {
  return t === '=' || t === '+=' || t === '-=' || t === '*=' || t === '/=' || t === '%=' || t === '^=';
}

function isLValue(e: Expr): e is LValue {
  return e.k === 'var' || e.k === 'index' || e.k === 'field';
}

/** `(x)` is x as a value, but not an lvalue a following `++` or `=` could take. */
function groupOf(e: Expr): Expr {
  return isLValue(e) ? { k: 'group', items: [e] } : e;
}
