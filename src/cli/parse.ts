import type { CliCommand } from './command.ts';
import { dumpAst, formatDiagnostic, parseAst, parseDockerfile, type Dialect, type MessageLanguage } from '../engine/dockerfile/index.ts';

const USAGE = 'parse [--dump] [--dialect classic|buildkit] [--lang en|zh] FILE';

/** `layerlab parse`: the Dockerfile front end on a file. */
export const parseCommand: CliCommand = {
  name: 'parse',
  summary: "Parse a Dockerfile: --dump prints BuildKit's AST dump; otherwise the steps and the diagnostics (classic builder unless --dialect buildkit).",
  usage: USAGE,
  async run(args, io) {
    let dump = false;
    let lang: MessageLanguage = 'en';
    let dialect: Dialect | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--dump') dump = true;
      else if (a === '--lang' || a.startsWith('--lang=')) {
        const v = a === '--lang' ? args[++i] : a.slice('--lang='.length);
        if (v !== 'en' && v !== 'zh' && v !== 'zh-CN') {
          io.err(`layerlab parse: --lang takes en or zh, not '${v ?? ''}'\n`);
          return 2;
        }
        lang = v === 'en' ? 'en' : 'zh';
      } else if (a === '--dialect' || a.startsWith('--dialect=')) {
        const v = a === '--dialect' ? args[++i] : a.slice('--dialect='.length);
        if (v !== 'classic' && v !== 'buildkit') {
          io.err(`layerlab parse: --dialect takes classic or buildkit, not '${v ?? ''}'\n`);
          return 2;
        }
        dialect = v;
      } else if (a.startsWith('-') && a !== '-') {
        io.err(`layerlab parse: unknown option '${a}'. Usage: layerlab ${USAGE}\n`);
        return 2;
      } else files.push(a);
    }
    if (files.length !== 1) {
      io.err(`Usage: layerlab ${USAGE}\n`);
      return 2;
    }
    const file = files[0];
    let text: string;
    try {
      text = new TextDecoder().decode(await io.readFile(file));
    } catch (e) {
      io.err(`layerlab parse: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return 1;
    }
    if (dump) {
      // The dump is BuildKit's format: read the file as BuildKit does (here-documents included).
      const { ast, diagnostics } = parseAst(text, { dialect: dialect ?? 'buildkit' });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      for (const d of errors) io.err(formatDiagnostic(d, file, lang) + '\n');
      if (errors.length > 0) return 1;
      io.out(dumpAst(ast));
      return 0;
    }
    const parsed = parseDockerfile(text, { dialect });
    for (const d of parsed.diagnostics) io.err(formatDiagnostic(d, file, lang) + '\n');
    const steps = [...parsed.metaArgs, ...parsed.stages.flatMap((s) => [s.from, ...s.instructions])];
    steps.forEach((inst, i) => io.out(`Step ${i + 1}/${steps.length} : ${inst.original}\n`));
    return parsed.ok ? 0 : 1;
  },
};
