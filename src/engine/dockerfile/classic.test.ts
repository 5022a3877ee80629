import { describe, expect, it } from 'vitest';
import { classicError, emptyContinuationWarnings, requiresBuildKit } from './classic.ts';
import { parseDockerfile } from './index.ts';

/**
 * Recorded on the reference engine (Docker 20.10.24, DOCKER_BUILDKIT=0, the conformance daemon):
 * `docker build -f NAME .` for each Dockerfile; the text after "Error response from daemon: ".
 */
const RECORDED: [string, string, string][] = [
  ['01', 'FROM busybox\nFOO bar\n', 'dockerfile parse error line 2: unknown instruction: FOO'],
  ['02', 'FROM busybox\n\nENV PATH\n', 'failed to parse 02: ENV must have two arguments'],
  ['03', 'FROM busybox\nCMD [ "echo", [ "nested json" ] ]\n', 'failed to parse 03: when using JSON array syntax, arrays must be comprised of strings only'],
  ['04', 'FROM busybox\nCOPY onlyone\n', 'dockerfile parse error line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
  ['05', 'FROM busybox b\n', 'dockerfile parse error line 1: FROM requires either one or three arguments'],
  ['06', 'FROM busybox\nCOPY --user=me a b\n', 'dockerfile parse error line 2: Unknown flag: user'],
  ['07', 'RUN x\nFROM busybox\n', 'no build stage in current context'],
  ['08', '\n', 'failed to parse 08: file with no instructions'],
  ['09', '# escape=x\nFROM busybox\n', "failed to parse 09: invalid escape token 'x' does not match ` or \\"],
  ['10', 'FROM busybox\nHEALTHCHECK CONNECT tcp\n', 'dockerfile parse error line 2: Unknown type "CONNECT" in HEALTHCHECK (try CMD)'],
  ['11', 'FROM busybox\nONBUILD FROM b\n', "dockerfile parse error line 2: FROM isn't allowed as an ONBUILD trigger"],
  ['12', 'FROM busybox AS 1x\n', 'dockerfile parse error line 1: invalid name for build stage: "1x", name can\'t start with a number or contain symbols'],
  ['14', 'FROM busybox\nSHELL /bin/sh\n', 'dockerfile parse error line 2: SHELL requires the arguments to be in JSON form'],
  ['15', 'FROM busybox\nENV a=b c\n', 'failed to parse 15: Syntax error - can\'t find = in "c". Must be of the form: name=value'],
  ['16', 'FROM busybox\nHEALTHCHECK --interval=fast CMD true\n', 'dockerfile parse error line 2: time: invalid duration "fast"'],
  ['17', 'FROM busybox\nCOPY --from=x --from=y a b\n', 'dockerfile parse error line 2: Duplicate flag specified: from'],
  ['18', 'FROM busybox\nHEALTHCHECK NONE x\n', 'dockerfile parse error line 2: HEALTHCHECK NONE takes no arguments'],
  ['20', 'FROM busybox\nWORKDIR\n', 'dockerfile parse error line 2: WORKDIR requires exactly one argument'],
  ['21', 'FROM busybox\nLABEL\n', 'dockerfile parse error line 2: LABEL requires at least one argument'],
  ['22', 'FROM busybox\nONBUILD ONBUILD RUN x\n', 'dockerfile parse error line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed'],
  ['24', '# escape=`\n# escape=\\\nFROM busybox\n', 'failed to parse 24: only one escape parser directive can be used'],
  ['25', 'FROM busybox\nHEALTHCHECK --interval=10us CMD true\n', 'dockerfile parse error line 2: Interval "interval" cannot be less than 1ms'],
  ['26', 'FROM busybox\nCOPY --link a b\n', 'dockerfile parse error line 2: Unknown flag: link'],
  ['27', 'FROM busybox\nONBUILD MAINTAINER x\n', "dockerfile parse error line 2: MAINTAINER isn't allowed as an ONBUILD trigger"],
  ['28', 'FROM busybox\nEXPOSE\n', 'dockerfile parse error line 2: EXPOSE requires at least one argument'],
  ['29', 'FROM busybox\nADD --chown a b\n', 'dockerfile parse error line 2: Missing a value on flag: chown'],
  ['b01', 'FROM busybox\nARG\n', 'dockerfile parse error line 2: ARG requires at least one argument'],
  ['b02', 'FROM busybox\nVOLUME\n', 'dockerfile parse error line 2: VOLUME requires at least one argument'],
  ['b03', 'FROM busybox\nSTOPSIGNAL\n', 'dockerfile parse error line 2: STOPSIGNAL requires exactly one argument'],
  ['b04', 'FROM busybox\nUSER\n', 'dockerfile parse error line 2: USER requires exactly one argument'],
  ['b05', 'FROM busybox\nMAINTAINER\n', 'dockerfile parse error line 2: MAINTAINER requires exactly one argument'],
  ['b06', 'FROM busybox\nHEALTHCHECK\n', 'dockerfile parse error line 2: HEALTHCHECK requires at least one argument'],
  ['b07', 'FROM busybox\nHEALTHCHECK CMD\n', 'dockerfile parse error line 2: Missing command after HEALTHCHECK CMD'],
  ['b08', 'FROM busybox\nONBUILD\n', 'dockerfile parse error line 2: ONBUILD requires at least one argument'],
  ['b09', 'FROM busybox\nSHELL []\n', 'dockerfile parse error line 2: SHELL requires at least one argument'],
  ['b10', 'FROM busybox\nCOPY\n', 'dockerfile parse error line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
  ['b11', 'FROM busybox\nENV\n', 'dockerfile parse error line 2: ENV requires at least one argument'],
  ['b13', 'FROM\n', 'dockerfile parse error line 1: FROM requires either one or three arguments'],
  ['b14', 'FROM busybox\nADD a\n', 'dockerfile parse error line 2: ADD requires at least two arguments, but only one was provided. Destination could not be determined'],
  ['b15', 'FROM busybox\nRUN --network=none true\n', 'dockerfile parse error line 2: Unknown flag: network'],
  ['b16', 'FROM busybox\nRUN --security=insecure true\n', 'dockerfile parse error line 2: Unknown flag: security'],
  ['b17', 'FROM busybox\nCOPY --parents a /b\n', 'dockerfile parse error line 2: Unknown flag: parents'],
  ['b18', 'FROM busybox\nCOPY --exclude=x a /b\n', 'dockerfile parse error line 2: Unknown flag: exclude'],
  ['b19', 'FROM busybox\nADD --checksum=sha256:00 a /b\n', 'dockerfile parse error line 2: Unknown flag: checksum'],
  ['b20', 'FROM busybox\nADD --keep-git-dir a /b\n', 'dockerfile parse error line 2: Unknown flag: keep-git-dir'],
  ['b21', 'FROM busybox\nHEALTHCHECK --start-interval=1s CMD true\n', 'dockerfile parse error line 2: Unknown flag: start-interval'],
  ['b24', 'FROM busybox\nCOPY --chown a /b\n', 'dockerfile parse error line 2: Missing a value on flag: chown'],
  ['b25', 'FROM busybox\nCOPY --from=busybox --from busybox a /b\n', 'dockerfile parse error line 2: Duplicate flag specified: from'],
  ['b26', 'FROM busybox\nHEALTHCHECK --retries=x CMD true\n', 'dockerfile parse error line 2: strconv.ParseInt: parsing "x": invalid syntax'],
  ['b27', 'FROM busybox\nHEALTHCHECK --timeout=10us CMD true\n', 'dockerfile parse error line 2: Interval "timeout" cannot be less than 1ms'],
  ['b28', 'FROM busybox\nHEALTHCHECK --start-period=-1s CMD true\n', 'dockerfile parse error line 2: Interval "start-period" cannot be less than 1ms'],
  ['b29', 'FROM busybox\nHEALTHCHECK --retries=-1 CMD true\n', 'dockerfile parse error line 2: --retries must be at least 1 (not -1)'],
  ['b32', 'FROM busybox\nCOPY --chown=1:1 --chown=2:2 a /b\n', 'dockerfile parse error line 2: Duplicate flag specified: chown'],
  ['b33', 'FROM busybox\nRUN --foo true\n', 'dockerfile parse error line 2: Unknown flag: foo'],
  ['heredoc', 'FROM busybox\nRUN <<EOF\necho hi\nEOF\n', 'dockerfile parse error line 3: unknown instruction: ECHO'],
];

describe('classicError: the daemon message Docker 20.10 gives, as recorded', () => {
  it.each(RECORDED)('%s', (name, text, expected) => {
    expect(classicError(parseDockerfile(text), name)).toMatchObject({ phase: 'parse', text: expected });
  });

  it('a repeated stage name fails when the second FROM runs, not before', () => {
    const r = parseDockerfile('FROM busybox AS x\nFROM busybox AS X\n');
    expect(classicError(r)).toEqual({ phase: 'step', text: 'x stage name already used', line: 2 });
  });

  it('no error for a Dockerfile that builds; the line is the instruction\'s first line', () => {
    expect(classicError(parseDockerfile('FROM busybox\nRUN true\n'))).toBeNull();
    expect(classicError(parseDockerfile('FROM busybox\nCOPY \\\n  --link a b\n'))).toMatchObject({ line: 2, text: 'dockerfile parse error line 2: Unknown flag: link' });
  });

  it('the parser\'s errors come first, whatever their line', () => {
    expect(classicError(parseDockerfile('FROM busybox\nFOO x\nENV PATH\n'))?.text).toBe('failed to parse Dockerfile: ENV must have two arguments');
  });
});

describe('classic step-time refusals and warnings, as recorded', () => {
  it('--chmod and --mount are refused when their step runs', () => {
    const r = parseDockerfile('FROM busybox\nADD --chmod=755 a /b\nRUN --mount=type=cache,target=/x echo hi\nCOPY a /b\n');
    expect(r.stages[0].instructions.map(requiresBuildKit)).toEqual([
      'the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled',
      'the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled',
      null,
    ]);
  });

  it('empty continuation lines give the two-line warning before Step 1', () => {
    const r = parseDockerfile('FROM busybox\nRUN echo a \\\n\n  b\n');
    expect(emptyContinuationWarnings(r)).toBe(
      '[WARNING]: Empty continuation line found in:\n    RUN echo a   b\n[WARNING]: Empty continuation lines will become errors in a future release.\n',
    );
    expect(emptyContinuationWarnings(parseDockerfile('FROM busybox\n'))).toBe('');
  });
});
