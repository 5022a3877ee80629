/** The parsed awk program: expressions, statements, rules and functions. */

export type LValue =
  | { k: 'var'; name: string; local: number }
  | { k: 'index'; name: string; local: number; subs: Expr[] }
  | { k: 'field'; e: Expr };

export type Expr =
  | LValue
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  /** A regex literal: as a value it means `$0 ~ /re/`. */
  | { k: 're'; src: string }
  | { k: 'group'; items: Expr[] }
  | { k: 'assign'; op: string; target: LValue; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'or' | 'and'; a: Expr; b: Expr }
  | { k: 'in'; subs: Expr[]; name: string; local: number }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'cmp'; op: string; a: Expr; b: Expr }
  | { k: 'concat'; a: Expr; b: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'unary'; op: '-' | '+' | '!'; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue }
  | { k: 'call'; name: string; args: Expr[]; line: number }
  | { k: 'builtin'; name: string; args: Expr[]; line: number }
  | { k: 'getline'; from: 'main' | 'file' | 'cmd'; target?: LValue; src?: Expr };

export interface Redirect {
  op: '>' | '>>' | '|';
  e: Expr;
}

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print' | 'printf'; args: Expr[]; redirect?: Redirect; line: number }
  | { k: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { k: 'forin'; target: LValue; name: string; local: number; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e?: Expr }
  | { k: 'delete'; name: string; local: number; subs?: Expr[] };

export interface Rule {
  pattern?: Expr;
  /** `pattern1, pattern2`: a range of records. */
  end?: Expr;
  /** No action means `{ print }`. */
  action?: Stmt[];
}

export interface AwkFunction {
  name: string;
  params: string[];
  body: Stmt[];
}

export interface Program {
  begin: Stmt[][];
  rules: Rule[];
  end: Stmt[][];
  functions: Map<string, AwkFunction>;
}
