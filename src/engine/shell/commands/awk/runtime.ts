/**
 * Runs a parsed awk program: BEGIN, the rules over every input record, END; variables,
 * arrays, fields, getline, output redirections, pipes and system() through the shell.
 * Wording and quirks follow busybox's awk (editors/awk.c) in busybox images, mawk
 * (Debian's awk) elsewhere; busybox 1.35 as Debian builds it has no math library, so `^`,
 * sqrt, exp, log, sin, cos and atan2 stop with "Math support is not compiled in".
 */
import { BufferFd, BytesInputFd } from '../../io.ts';
import type { CommandContext } from '../../command.ts';
import { FsError } from '../../../fs/ops.ts';
import { errnoText } from '../util.ts';
import { posixToJs, RegexError } from '../regex.ts';
import { AwkArray } from './array.ts';
import type { Expr, LValue, Program, Stmt } from './ast.ts';
import { bytesToText, RecordReader, splitFields, splitRegex, textToBytes } from './records.ts';
import { GlibcRandom } from './random.ts';
import { compareValues, numberToString, sprintf, StrNum, strnum, toBool, toNumber, toStr, TooFewArguments, UNINIT, type Value } from './values.ts';

/** printf failed part-way: mawk has already written the text before the failing conversion. */
class PartialOutput extends Error {
  constructor(
    readonly partial: string,
    readonly error: AwkError,
  ) {
    super(error.message);
  }
}

/**
 * An error that stops awk. `program`: a fault of the program found while it runs (busybox
 * names the line); `runtime`: mawk's "run time error" (it adds FILENAME, FNR and NR);
 * `io`: a file or command that cannot be opened or read.
 */
export class AwkError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly kind: 'program' | 'runtime' | 'io' = line === undefined ? 'io' : 'program',
  ) {
    super(message);
  }
}

interface Cell {
  v: Value;
  arr?: AwkArray;
  /** A caller's untyped variable passed to a function: used as an array, it becomes one. */
  link?: Cell;
}

class Next {}
class NextFile {}
class Break {}
class Continue {}
class Exit {
  constructor(readonly status: number | undefined) {}
}
class Return {
  constructor(readonly value: Value) {}
}

type Output = { kind: 'file'; path: string } | { kind: 'pipe'; cmd: string; chunks: string[] } | { kind: 'std'; fd: 'stdout' | 'stderr' };
type Input = { reader: RecordReader } | { failed: true };

const MAX_CALL_DEPTH = 2000;

export class AwkRuntime {
  private readonly globals = new Map<string, Cell>();
  private readonly frames: Cell[][] = [];
  private record = '';
  private fields: string[] | null = [];
  private recordFs = ' ';
  private readonly regexCache = new Map<string, RegExp>();
  private readonly outputs = new Map<string, Output>();
  private readonly inputs = new Map<string, Input>();
  private main: RecordReader | null = null;
  private argIndex = 1;
  private usedFileOperand = false;
  private readonly rangeActive: boolean[];
  private line = 1;
  private status = 0;
  private depth = 0;
  private readonly random = new GlibcRandom();
  /** busybox starts from seed 1 (INIT_G), mawk from the clock. */
  private seed: number;
  readonly busybox: boolean;
  /** busybox as Debian builds it has no math library; Alpine's and mawk do. */
  private readonly math: boolean;

  constructor(
    private readonly prog: Program,
    private readonly ctx: CommandContext,
    opts: { busybox: boolean; math: boolean; operands: string[]; assignments: [string, string][]; fs?: string },
  ) {
    this.busybox = opts.busybox;
    this.math = opts.math;
    this.seed = this.busybox ? 1 : ctx.now;
    this.random.seed(this.seed);
    this.rangeActive = prog.rules.map(() => false);
    const set = (name: string, v: Value): void => void this.globals.set(name, { v });
    set('FS', opts.fs ?? ' ');
    set('OFS', ' ');
    set('ORS', '\n');
    set('RS', '\n');
    set('SUBSEP', '\x1c');
    set('CONVFMT', '%.6g');
    set('OFMT', '%.6g');
    set('NR', 0);
    set('FNR', 0);
    set('RSTART', 0);
    set('RLENGTH', -1);
    set('FILENAME', '');
    set('ARGC', opts.operands.length + 1);
    const argv = this.arrayCell('ARGV');
    argv.set('0', 'awk');
    opts.operands.forEach((op, i) => argv.set(String(i + 1), strnum(op, this.busybox)));
    const environ = this.arrayCell('ENVIRON');
    for (const [k, v] of Object.entries(ctx.env)) environ.set(k, strnum(v, this.busybox));
    for (const [name, value] of opts.assignments) this.assignVar(name, value);
  }

  run(): number {
    let exiting = false;
    try {
      for (const block of this.prog.begin) this.execBlock(block);
    } catch (e) {
      if (!(e instanceof Exit)) throw this.wrap(e);
      exiting = true;
      if (e.status !== undefined) this.status = e.status;
    }
    if (!exiting && (this.prog.rules.length > 0 || this.prog.end.length > 0)) {
      try {
        this.mainLoop();
      } catch (e) {
        if (!(e instanceof Exit)) throw this.wrap(e);
        if (e.status !== undefined) this.status = e.status;
      }
    }
    try {
      for (const block of this.prog.end) this.execBlock(block);
    } catch (e) {
      if (!(e instanceof Exit)) throw this.wrap(e);
      if (e.status !== undefined) this.status = e.status;
    }
    this.closeAll();
    return this.status;
  }

  /** mawk's tail of a run time error: where in the input it happened. */
  where(): string {
    return `FILENAME="${this.str(this.get('FILENAME'))}" FNR=${this.str(this.get('FNR'))} NR=${this.str(this.get('NR'))}`;
  }

  private str(v: Value): string {
    return toStr(v, this.convfmt(), this.busybox);
  }

  private wrap(e: unknown): unknown {
    if (e instanceof Next || e instanceof NextFile) return new AwkError(e instanceof Next ? 'next used in BEGIN or END' : 'nextfile used in BEGIN or END', this.line);
    if (e instanceof Break || e instanceof Continue) return new AwkError('break or continue outside a loop', this.line);
    return e;
  }

  private mainLoop(): void {
    for (;;) {
      let rec: string | null;
      try {
        rec = this.nextMainRecord();
      } catch (e) {
        if (e instanceof NextFile) continue;
        throw e;
      }
      if (rec === null) return;
      this.setRecordFromInput(rec);
      try {
        this.prog.rules.forEach((rule, i) => {
          if (!this.ruleMatches(rule, i)) return;
          if (rule.action) this.execBlock(rule.action);
          else this.print(this.record + this.str(this.get('ORS')), undefined);
        });
      } catch (e) {
        if (e instanceof Next) continue;
        if (e instanceof NextFile) {
          this.main = null;
          continue;
        }
        throw e;
      }
    }
  }

  private ruleMatches(rule: Program['rules'][number], i: number): boolean {
    if (!rule.pattern) return true;
    if (!rule.end) return toBool(this.eval(rule.pattern));
    if (!this.rangeActive[i]) {
      if (!toBool(this.eval(rule.pattern))) return false;
      this.rangeActive[i] = !toBool(this.eval(rule.end));
      return true;
    }
    if (toBool(this.eval(rule.end))) this.rangeActive[i] = false;
    return true;
  }

  // ---- input ---------------------------------------------------------------------

  private nextMainRecord(): string | null {
    for (;;) {
      this.ctx.step();
      if (this.main) {
        const rec = this.main.next(this.rs(), (s) => this.regex(s));
        if (rec !== null) {
          this.setNumber('NR', toNumber(this.get('NR'), this.busybox) + 1);
          this.setNumber('FNR', toNumber(this.get('FNR'), this.busybox) + 1);
          return rec;
        }
        this.main = null;
      }
      if (!this.openNextInput()) return null;
    }
  }

  /** Opens the next ARGV operand (running `var=value` ones); false when input is over. */
  private openNextInput(): boolean {
    const argc = toNumber(this.get('ARGC'), this.busybox);
    const argv = this.arrayCell('ARGV');
    while (this.argIndex < argc) {
      const v = argv.get(String(this.argIndex++));
      const arg = v === undefined ? '' : this.str(v);
      if (arg === '') continue;
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(arg);
      if (assign) {
        this.assignVar(assign[1], assign[2]);
        continue;
      }
      this.usedFileOperand = true;
      this.startInput(arg, this.readInput(arg));
      return true;
    }
    if (this.usedFileOperand) return false;
    this.usedFileOperand = true;
    this.startInput('-', bytesToText(this.ctx.stdin.readAll()));
    return true;
  }

  private startInput(name: string, text: string): void {
    this.main = new RecordReader(text, this.busybox);
    this.set('FILENAME', name);
    this.setNumber('FNR', 0);
  }

  /** A main-input operand's text; one that cannot be read stops awk (END does not run). */
  private readInput(name: string): string {
    try {
      return this.readFile(name);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      throw new AwkError(this.busybox ? `${name}: ${errnoText(e)}` : `cannot open ${name} (${errnoText(e)})`);
    }
  }

  private readFile(name: string): string {
    if (name === '-' || name === '/dev/stdin') return bytesToText(this.ctx.stdin.readAll());
    const path = this.ctx.path(name);
    if (path === '/dev/null') return '';
    const st = this.ctx.fs.stat(path);
    if (st.type === 'dir') {
      // busybox reads a directory as empty; mawk's read fails.
      if (this.busybox) return '';
      throw new AwkError('read error (Is a directory)');
    }
    return bytesToText(this.ctx.fs.readFile(path));
  }

  private getline(e: Extract<Expr, { k: 'getline' }>): number {
    let rec: string | null;
    if (e.from === 'main') {
      rec = this.nextMainRecord();
      if (rec === null) return 0;
      if (e.target) this.assign(e.target, strnum(rec, this.busybox));
      else this.setRecordFromInput(rec);
      return 1;
    }
    const key = this.str(this.eval(e.src as Expr));
    let input = this.inputs.get(key);
    if (!input) {
      input = e.from === 'file' ? this.openFileInput(key) : this.openCommandInput(key);
      this.inputs.set(key, input);
    }
    if ('failed' in input) return -1;
    rec = input.reader.next(this.rs(), (s) => this.regex(s));
    if (rec === null) return 0;
    // Neither busybox nor mawk counts records read from a file or a command in NR.
    if (e.target) this.assign(e.target, strnum(rec, this.busybox));
    else this.setRecordFromInput(rec);
    return 1;
  }

  private openFileInput(name: string): Input {
    try {
      return { reader: new RecordReader(this.readFile(name), this.busybox) };
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      return { failed: true };
    }
  }

  private openCommandInput(cmd: string): Input {
    const out = new BufferFd();
    this.ctx.spawn(['sh', '-c', cmd], { stdout: out });
    return { reader: new RecordReader(bytesToText(out.bytes()), this.busybox) };
  }

  // ---- output --------------------------------------------------------------------

  private print(text: string, redirect: { op: '>' | '>>' | '|'; target: string } | undefined): void {
    if (!redirect) {
      this.ctx.stdout.write(textToBytes(text));
      return;
    }
    const out = this.output(redirect.op, redirect.target);
    if (out.kind === 'std') (out.fd === 'stdout' ? this.ctx.stdout : this.ctx.stderr).write(textToBytes(text));
    else if (out.kind === 'pipe') out.chunks.push(text);
    else this.ctx.fs.writeFile(out.path, textToBytes(text), { append: true });
  }

  private output(op: '>' | '>>' | '|', target: string): Output {
    const open = this.outputs.get(target);
    if (open) return open;
    let out: Output;
    if (op === '|') out = { kind: 'pipe', cmd: target, chunks: [] };
    else if (target === '/dev/stdout' || target === '-') out = { kind: 'std', fd: 'stdout' };
    else if (target === '/dev/stderr') out = { kind: 'std', fd: 'stderr' };
    else {
      const path = this.ctx.path(target);
      try {
        if (op === '>' || !this.ctx.fs.exists(path)) this.ctx.fs.writeFile(path, new Uint8Array(0));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        throw new AwkError(this.busybox ? `can't open '${target}': ${errnoText(e)}` : `cannot open "${target}" for output (${errnoText(e)})`);
      }
      out = { kind: 'file', path };
    }
    this.outputs.set(target, out);
    return out;
  }

  private close(name: string): number {
    const out = this.outputs.get(name);
    if (out) {
      this.outputs.delete(name);
      return out.kind === 'pipe' ? this.runPipe(out) : 0;
    }
    if (this.inputs.delete(name)) return 0;
    return -1;
  }

  private runPipe(out: Extract<Output, { kind: 'pipe' }>): number {
    const stdin = new BytesInputFd(textToBytes(out.chunks.join('')));
    return this.ctx.spawn(['sh', '-c', out.cmd], { stdin, stdout: this.ctx.stdout });
  }

  private closeAll(): void {
    for (const [name] of [...this.outputs]) this.close(name);
  }

  // ---- statements ----------------------------------------------------------------

  private execBlock(body: Stmt[]): void {
    for (const s of body) this.exec(s);
  }

  private exec(s: Stmt): void {
    switch (s.k) {
      case 'expr':
        this.eval(s.e);
        return;
      case 'print':
      case 'printf':
        this.execPrint(s);
        return;
      case 'block':
        this.execBlock(s.body);
        return;
      case 'if':
        if (toBool(this.eval(s.c))) this.exec(s.then);
        else if (s.else) this.exec(s.else);
        return;
      case 'while':
        while (toBool(this.eval(s.c))) if (!this.loopBody(s.body)) break;
        return;
      case 'do':
        do if (!this.loopBody(s.body)) break;
        while (toBool(this.eval(s.c)));
        return;
      case 'for':
        for (s.init && this.eval(s.init); !s.c || toBool(this.eval(s.c)); s.step && this.eval(s.step)) if (!this.loopBody(s.body)) break;
        return;
      case 'forin': {
        const arr = this.arrayOf(s.name, s.local);
        for (const key of arr.keys()) {
          if (!arr.has(key)) continue;
          this.assign(s.target, strnum(key, this.busybox));
          if (!this.loopBody(s.body)) break;
        }
        return;
      }
      case 'next':
        throw new Next();
      case 'nextfile':
        throw new NextFile();
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'exit':
        throw new Exit(s.e ? Math.trunc(toNumber(this.eval(s.e), this.busybox)) & 0xff : undefined);
      case 'return':
        throw new Return(s.e ? this.eval(s.e) : UNINIT);
      case 'delete': {
        const arr = this.arrayOf(s.name, s.local);
        if (s.subs) arr.delete(this.subscript(s.subs));
        else arr.clear();
        return;
      }
    }
  }

  /** Runs a loop body; false when it broke out. */
  private loopBody(body: Stmt): boolean {
    this.ctx.step();
    try {
      this.exec(body);
    } catch (e) {
      if (e instanceof Break) return false;
      if (e instanceof Continue) return true;
      throw e;
    }
    return true;
  }

  private execPrint(s: Extract<Stmt, { k: 'print' | 'printf' }>): void {
    this.line = s.line;
    const redirect = s.redirect ? { op: s.redirect.op, target: this.str(this.eval(s.redirect.e)) } : undefined;
    if (s.k === 'printf') {
      const [fmt, ...rest] = s.args.map((a) => this.eval(a));
      try {
        this.print(this.format(this.str(fmt), rest, 'printf'), redirect);
      } catch (e) {
        if (e instanceof PartialOutput) this.print(e.partial, redirect);
        throw e instanceof PartialOutput ? e.error : e;
      }
      return;
    }
    if (s.args.length === 0) {
      this.print(this.record + this.str(this.get('ORS')), redirect);
      return;
    }
    const ofs = this.str(this.get('OFS'));
    let text = '';
    try {
      s.args.forEach((a, i) => {
        const v = this.eval(a);
        text += (typeof v === 'number' ? numberToString(v, this.str(this.get('OFMT')), this.busybox) : this.str(v)) + (i < s.args.length - 1 ? ofs : '');
      });
    } catch (e) {
      // busybox writes each value as it goes: what came before the error is printed.
      if (this.busybox && !redirect && text) this.print(text, undefined);
      throw e;
    }
    this.print(text + this.str(this.get('ORS')), redirect);
  }

  private format(fmt: string, values: Value[], fn: 'printf' | 'sprintf' = 'sprintf'): string {
    if (this.busybox && /%[-+ #0]*(\d+)?(\.\d*)?\*|%[-+ #0]*\*/.test(fmt.replace(/%%/g, ''))) throw new AwkError('%*x formats are not supported', this.line);
    try {
      return sprintf(fmt, values, false, this.convfmt(), this.busybox).text;
    } catch (e) {
      if (e instanceof TooFewArguments) {
        const error = new AwkError(`not enough arguments passed to ${fn}("${fmt}")`, this.line, 'runtime');
        throw fn === 'printf' ? new PartialOutput(e.partial, error) : error;
      }
      throw new AwkError(this.busybox ? 'Invalid format specifier' : `bad conversion in ${fn}("${fmt}")`, this.line, 'runtime');
    }
  }

  // ---- expressions ---------------------------------------------------------------

  eval(e: Expr): Value {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return this.regex(e.src).test(this.record) ? 1 : 0;
      case 'group':
        return e.items.length === 1 ? this.eval(e.items[0]) : this.subscript(e.items);
      case 'var':
        return this.getVar(e.name, e.local);
      case 'index': {
        const arr = this.arrayOf(e.name, e.local);
        const key = this.subscript(e.subs);
        const v = arr.get(key);
        if (v !== undefined) return v;
        arr.set(key, UNINIT);
        return UNINIT;
      }
      case 'field':
        return this.getField(this.fieldIndex(e.e));
      case 'assign':
        return this.evalAssign(e);
      case 'cond':
        return toBool(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'or':
        return toBool(this.eval(e.a)) || toBool(this.eval(e.b)) ? 1 : 0;
      case 'and':
        return toBool(this.eval(e.a)) && toBool(this.eval(e.b)) ? 1 : 0;
      case 'in':
        return this.arrayOf(e.name, e.local).has(this.subscript(e.subs)) ? 1 : 0;
      case 'match': {
        const s = this.str(this.eval(e.a));
        return this.regexOf(e.re).test(s) !== e.neg ? 1 : 0;
      }
      case 'cmp': {
        const c = compareValues(this.eval(e.a), this.eval(e.b), this.convfmt(), this.busybox);
        const r = e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : e.op === '>=' ? c >= 0 : e.op === '==' ? c === 0 : c !== 0;
        return r ? 1 : 0;
      }
      case 'concat':
        return this.str(this.eval(e.a)) + this.str(this.eval(e.b));
      case 'bin':
        return this.arith(e.op, this.num(this.eval(e.a)), this.num(this.eval(e.b)));
      case 'unary': {
        const v = this.eval(e.e);
        return e.op === '!' ? (toBool(v) ? 0 : 1) : e.op === '-' ? -this.num(v) : this.num(v);
      }
      case 'incdec': {
        const old = this.num(this.eval(e.target));
        const now = e.op === '++' ? old + 1 : old - 1;
        this.assign(e.target, now);
        return e.prefix ? now : old;
      }
      case 'call':
        return this.call(e);
      case 'builtin':
        return this.builtin(e);
      case 'getline':
        return this.getline(e);
    }
  }

  private num(v: Value): number {
    return toNumber(v, this.busybox);
  }

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        // mawk divides as the FPU does (1/0 is inf); busybox refuses.
        if (b === 0 && this.busybox) throw new AwkError('Division by zero', this.line);
        return a / b;
      case '%':
        if (b === 0 && this.busybox) throw new AwkError('Division by zero', this.line);
        return a % b;
      default:
        this.needMath();
        return a ** b;
    }
  }

  private needMath(): void {
    if (!this.math) throw new AwkError('Math support is not compiled in', this.line);
  }

  private evalAssign(e: Extract<Expr, { k: 'assign' }>): Value {
    if (e.op === '=') {
      const v = this.eval(e.e);
      this.assign(e.target, v);
      return v;
    }
    const rhs = this.num(this.eval(e.e));
    const v = this.arith(e.op[0], this.num(this.eval(e.target)), rhs);
    this.assign(e.target, v);
    return v;
  }

  private subscript(subs: Expr[]): string {
    const parts = subs.map((s) => {
      const v = this.eval(s);
      return this.str(v);
    });
    return parts.length === 1 ? parts[0] : parts.join(this.str(this.get('SUBSEP')));
  }

  // ---- variables -----------------------------------------------------------------

  private cell(name: string, local: number): Cell {
    if (local >= 0) return this.frames[this.frames.length - 1][local];
    let c = this.globals.get(name);
    if (!c) {
      c = { v: UNINIT };
      this.globals.set(name, c);
    }
    return c;
  }

  private arrayOf(name: string, local: number): AwkArray {
    const c = this.cell(name, local);
    if (c.arr) return c.arr;
    let root = c;
    while (root.link && !root.arr) root = root.link;
    root.arr ??= new AwkArray(this.busybox);
    c.arr = root.arr;
    return c.arr;
  }

  private arrayCell(name: string): AwkArray {
    return this.arrayOf(name, -1);
  }

  private getVar(name: string, local: number): Value {
    if (local < 0 && name === 'NF') return this.splitRecord().length;
    const c = this.cell(name, local);
    if (c.arr) {
      // busybox reads an array as a scalar as ""; mawk refuses.
      if (this.busybox) return '';
      throw new AwkError(`illegal reference to array ${name}`, this.line);
    }
    return c.v;
  }

  private get(name: string): Value {
    return this.globals.get(name)?.v ?? UNINIT;
  }

  private set(name: string, v: Value): void {
    this.cell(name, -1).v = v;
  }

  private setNumber(name: string, n: number): void {
    this.set(name, n);
  }

  /** `-v name=value` and `name=value` operands: escapes processed, the value a strnum. */
  private assignVar(name: string, raw: string): void {
    const value = raw.replace(/\\([0-7]{1,3}|.)/gs, (_, c: string) =>
      /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8) & 0xff) : ({ n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', b: '\b', a: '\x07', '\\': '\\', '"': '"', '/': '/' } as Record<string, string>)[c] ?? '\\' + c,
    );
    if (name === 'NF') this.setNF(toNumber(strnum(value, this.busybox), this.busybox));
    else this.set(name, strnum(value, this.busybox));
  }

  private assign(target: LValue, v: Value): void {
    switch (target.k) {
      case 'var':
        if (target.local < 0 && target.name === 'NF') this.setNF(this.num(v));
        else {
          const c = this.cell(target.name, target.local);
          if (c.arr) throw new AwkError(this.busybox ? 'Not an array' : `illegal reference to array ${target.name}`, this.line);
          c.v = v;
        }
        return;
      case 'index':
        this.arrayOf(target.name, target.local).set(this.subscript(target.subs), v);
        return;
      case 'field':
        this.setField(this.fieldIndex(target.e), this.str(v));
    }
  }

  // ---- fields --------------------------------------------------------------------

  private fieldIndex(e: Expr): number {
    const n = Math.trunc(this.num(this.eval(e)));
    if (n < 0) throw new AwkError(this.busybox ? 'Access to negative field' : `negative field index $${n}`, this.line, this.busybox ? 'program' : 'runtime');
    return n;
  }

  private setRecordFromInput(rec: string): void {
    this.record = rec;
    this.fields = null;
    this.recordFs = this.str(this.get('FS'));
  }

  private splitRecord(): string[] {
    if (!this.fields) this.fields = splitFields(this.record, this.recordFs, this.rs() === '', (s) => this.regex(s));
    return this.fields;
  }

  private getField(i: number): Value {
    if (i === 0) return strnum(this.record, this.busybox);
    const f = this.splitRecord()[i - 1];
    return f === undefined ? UNINIT : strnum(f, this.busybox);
  }

  private setField(i: number, s: string): void {
    if (i === 0) {
      this.record = s;
      this.fields = null;
      this.recordFs = this.str(this.get('FS'));
      return;
    }
    const fields = this.splitRecord();
    while (fields.length < i) fields.push('');
    fields[i - 1] = s;
    this.rebuild();
  }

  private setNF(n: number): void {
    const fields = this.splitRecord();
    const nf = Math.max(0, Math.trunc(n));
    while (fields.length < nf) fields.push('');
    fields.length = nf;
    this.rebuild();
  }

  private rebuild(): void {
    this.record = (this.fields ?? []).join(this.str(this.get('OFS')));
  }

  // ---- functions -----------------------------------------------------------------

  private call(e: Extract<Expr, { k: 'call' }>): Value {
    const fn = this.prog.functions.get(e.name);
    if (!fn) throw new AwkError(this.busybox ? 'Call to undefined function' : `function ${e.name} never defined`, e.line);
    if (++this.depth > MAX_CALL_DEPTH) throw new AwkError(this.busybox ? 'Too deep recursion' : 'function call nesting too deep', e.line);
    this.ctx.step();
    const frame: Cell[] = fn.params.map(() => ({ v: UNINIT }));
    e.args.forEach((arg, i) => {
      if (i >= frame.length) {
        this.eval(arg);
        return;
      }
      if (arg.k === 'var') {
        const c = this.cell(arg.name, arg.local);
        if (c.arr) frame[i] = { v: UNINIT, arr: c.arr };
        else if (c.v === UNINIT) frame[i] = { v: UNINIT, link: c };
        else frame[i] = { v: arg.local < 0 && arg.name === 'NF' ? this.getVar('NF', -1) : c.v };
        return;
      }
      frame[i] = { v: this.eval(arg) };
    });
    this.frames.push(frame);
    try {
      this.execBlock(fn.body);
      return UNINIT;
    } catch (x) {
      if (x instanceof Return) return x.value;
      throw x;
    } finally {
      this.frames.pop();
      this.depth--;
    }
  }

  private builtin(e: Extract<Expr, { k: 'builtin' }>): Value {
    this.line = e.line;
    const a = e.args;
    const str = (i: number): string => this.str(this.eval(a[i]));
    const n = (i: number): number => this.num(this.eval(a[i]));
    const need = (count: number): void => {
      if (a.length < count) throw new AwkError(this.busybox ? 'Too few arguments for builtin' : `wrong number of arguments in call to ${e.name}`, e.line);
    };
    switch (e.name) {
      case 'length': {
        if (a.length === 0) return this.record.length;
        const arg = a[0];
        if (arg.k === 'var') {
          const c = this.cell(arg.name, arg.local);
          if (c.arr) return c.arr.size;
        }
        return str(0).length;
      }
      case 'substr': {
        need(2);
        return this.substr(str(0), n(1), a.length > 2 ? n(2) : undefined);
      }
      case 'index': {
        need(2);
        const hay = str(0);
        const t = str(1);
        // busybox finds "" nowhere; mawk at position 1 (as strstr does).
        if (t === '') return this.busybox ? 0 : 1;
        return hay.indexOf(t) + 1;
      }
      case 'split': {
        need(2);
        const s = str(0);
        const target = a[1];
        if (target.k !== 'var') throw new AwkError(this.busybox ? 'Not an array' : 'split: second argument is not an array', e.line);
        let parts: string[];
        if (a.length > 2 && a[2].k === 're') parts = s === '' ? [] : splitRegex(s, this.regex(a[2].src));
        else parts = splitFields(s, a.length > 2 ? str(2) : this.str(this.get('FS')), false, (src) => this.regex(src));
        const arr = this.arrayOf(target.name, target.local);
        arr.clear();
        parts.forEach((p, i) => arr.set(String(i + 1), strnum(p, this.busybox)));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        need(2);
        const re = this.regexOf(a[0]);
        const repl = str(1);
        const target: LValue = a.length > 2 ? this.lvalueOf(a[2]) : { k: 'field', e: { k: 'num', v: 0 } };
        const r = substitute(re, this.str(this.eval(target)), repl, e.name === 'gsub');
        if (r.count > 0) this.assign(target, r.text);
        return r.count;
      }
      case 'match': {
        need(2);
        const m = this.regexOf(a[1]).exec(str(0));
        this.set('RSTART', m ? m.index + 1 : 0);
        this.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf':
        need(1);
        return this.format(str(0), a.slice(1).map((x) => this.eval(x)));
      case 'int':
        return Math.trunc(a.length ? n(0) : this.num(strnum(this.record, this.busybox)));
      case 'rand': {
        if (!this.busybox) return this.random.next() / 2147483647;
        // busybox 1.35 builds each value from three random() calls, the last one most significant.
        let d = this.random.next();
        d = (d / 2 ** 31 + this.random.next()) / 2 ** 31;
        return (d + this.random.next()) / 2 ** 31;
      }
      case 'srand': {
        const previous = this.seed;
        this.seed = a.length ? Math.trunc(n(0)) : this.ctx.now;
        this.random.seed(this.seed);
        return previous;
      }
      case 'tolower':
        return str(0).replace(/[A-Z]+/g, (s) => s.toLowerCase());
      case 'toupper':
        return str(0).replace(/[a-z]+/g, (s) => s.toUpperCase());
      case 'system': {
        need(1);
        return this.ctx.spawn(['sh', '-c', str(0)], { stdout: this.ctx.stdout });
      }
      case 'close':
        need(1);
        return this.close(str(0));
      case 'fflush':
        return 0;
      default: {
        // sin cos atan2 exp log sqrt
        this.needMath();
        need(e.name === 'atan2' ? 2 : 1);
        const x = n(0);
        switch (e.name) {
          case 'sin':
            return Math.sin(x);
          case 'cos':
            return Math.cos(x);
          case 'atan2':
            return Math.atan2(x, n(1));
          case 'exp':
            return Math.exp(x);
          case 'log':
            return Math.log(x);
          default:
            return Math.sqrt(x);
        }
      }
    }
  }

  private substr(s: string, m: number, len: number | undefined): string {
    if (this.busybox) {
      // editors/awk.c: start and length truncated to integers, start clamped to the string.
      const start = Math.min(Math.max(Math.trunc(m - 1), 0), s.length);
      const count = len === undefined ? s.length - start : Math.max(Math.trunc(len), 0);
      return s.slice(start, start + count);
    }
    // mawk 1.3.4 20200120 (Debian's), as observed: start and length truncated; a start
    // before 1 moves to 1 and lengthens the piece by as much (substr("hello", -1, 3) is "hell").
    let start = Math.trunc(m);
    let count = len === undefined ? Infinity : Math.trunc(len);
    if (start < 1) {
      count -= start;
      start = 1;
    }
    if (count <= 0 || start > s.length) return '';
    return s.slice(start - 1, count === Infinity ? undefined : start - 1 + count);
  }

  private lvalueOf(e: Expr): LValue {
    if (e.k === 'var' || e.k === 'index' || e.k === 'field') return e;
    if (e.k === 'assign') {
      this.eval(e);
      return e.target;
    }
    throw new AwkError(this.busybox ? 'Unexpected token' : 'sub/gsub third parameter is not a changeable object', this.line);
  }

  // ---- regular expressions ---------------------------------------------------------

  private regexOf(e: Expr): RegExp {
    return this.regex(e.k === 're' ? e.src : this.str(this.eval(e)));
  }

  private regex(src: string): RegExp {
    let re = this.regexCache.get(src);
    if (!re) {
      try {
        re = new RegExp(posixToJs(src, true), 's');
      } catch (e) {
        if (e instanceof RegexError || e instanceof SyntaxError) throw new AwkError(this.busybox ? `bad regex '${src}'` : `regular expression compile failed (${src})`, this.line);
        throw e;
      }
      this.regexCache.set(src, re);
    }
    return re;
  }

  private rs(): string {
    return this.str(this.get('RS'));
  }

  private convfmt(): string {
    const v = this.globals.get('CONVFMT')?.v;
    return typeof v === 'string' ? v : v === undefined ? '%.6g' : toStr(v, '%.6g');
  }
}

/** sub/gsub: `&` is the match, `\&` a literal &, `\\` a backslash. */
export function substitute(re: RegExp, s: string, repl: string, global: boolean): { text: string; count: number } {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  let out = '';
  let pos = 0;
  let count = 0;
  let lastEnd = -1;
  while (pos <= s.length) {
    g.lastIndex = pos;
    const m = g.exec(s);
    if (!m) break;
    const start = m.index;
    const len = m[0].length;
    if (len === 0 && start === lastEnd) {
      if (start >= s.length) break;
      out += s.slice(pos, start + 1);
      pos = start + 1;
      continue;
    }
    out += s.slice(pos, start) + expand(repl, m[0]);
    count++;
    lastEnd = start + len;
    if (len === 0) {
      if (start < s.length) out += s[start];
      pos = start + 1;
    } else pos = start + len;
    if (!global) break;
  }
  if (pos <= s.length) out += s.slice(pos);
  return { text: out, count };
}

function expand(repl: string, matched: string): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) out += repl[++i];
    else if (c === '&') out += matched;
    else out += c;
  }
  return out;
}

export { StrNum };
