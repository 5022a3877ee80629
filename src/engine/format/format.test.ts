import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dockerTable, tabwrite } from './tabwriter.ts';
import { truncateID } from './ids.ts';
import { ellipsis } from './ellipsis.ts';
import { containerStatus, humanDuration, rfc3339, rfc3339Nano } from './duration.ts';
import { generateName, isValidContainerName } from './names.ts';
import { goQuote, goQuoteSlice, goSlice, goValue } from './goquote.ts';
import { goJson } from './gojson.ts';

describe('tabwriter lays out docker tables like Go text/tabwriter(10, 1, 3, " ", 0)', () => {
  it('reproduces a recorded `docker ps -a` table byte for byte', () => {
    // Recorded from Docker 20.10 (conformance case ps-start-stop, raw transcript).
    const expected = [
      'CONTAINER ID   IMAGE     COMMAND        CREATED         STATUS                                PORTS     NAMES',
      '47bc7b5bd21a   busybox   "true"         2 seconds ago   Exited (0) 1 second ago                         done1',
      '8f346d2947fa   busybox   "sleep 1000"   2 seconds ago   Exited (137) Less than a second ago             sleeper',
      '',
    ].join('\n');
    const rows = [
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
      ['47bc7b5bd21a', 'busybox', '"true"', '2 seconds ago', 'Exited (0) 1 second ago', '', 'done1'],
      ['8f346d2947fa', 'busybox', '"sleep 1000"', '2 seconds ago', 'Exited (137) Less than a second ago', '', 'sleeper'],
    ];
    expect(dockerTable(rows)).toBe(expected);
  });

  it('reproduces a recorded `docker images` table (minimum width 10 for short columns)', () => {
    const expected = [
      'REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE',
      'layered      2         d2ff648ac72e   Less than a second ago   1.98MB',
      '',
    ].join('\n');
    expect(dockerTable([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], ['layered', '2', 'd2ff648ac72e', 'Less than a second ago', '1.98MB']])).toBe(expected);
  });

  it('ends a column block at a line with fewer cells', () => {
    expect(tabwrite('a\tb\nlonger-cell\tc\nsingle\nx\ty\n', { minWidth: 0, padding: 1, padChar: '.' })).toBe(
      'a...........b\nlonger-cell.c\nsingle\nx.y\n',
    );
  });

  it('counts code points, not UTF-16 units or bytes', () => {
    expect(tabwrite('中文\tx\nab\ty\n', { minWidth: 0, padding: 1, padChar: ' ' })).toBe('中文 x\nab y\n');
  });

  it('every row of a table has its columns at the same offsets (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-'), maxLength: 15 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const lines = dockerTable(rows).split('\n').slice(0, -1);
        const widths = [0, 1, 2].map((c) => Math.max(10, ...rows.map((r) => r[c].length + 3)));
        lines.forEach((line, i) => {
          let offset = 0;
          rows[i].forEach((cellText, c) => {
            expect(line.slice(offset, offset + cellText.length)).toBe(cellText);
            if (c < 3) offset += widths[c];
          });
        });
      }),
    );
  });
});

describe('short IDs, Ellipsis and relative times', () => {
  it('truncateID drops the algorithm and keeps 12 characters', () => {
    expect(truncateID('sha256:c75b348f72bcb18f82f41dc4383162b4dc765617cdc8769878d4672007a0438d')).toBe('c75b348f72bc');
    expect(truncateID('8f346d2947fa2b0e60eb101b76e2eb8dc6c12c7dbf1d4b221c218c3c493b10ad')).toBe('8f346d2947fa');
    expect(truncateID('abc')).toBe('abc');
  });

  it('Ellipsis cuts CREATED BY at 45 columns as recorded', () => {
    // From the commit-tomcat case: docker history cut this created_by to 44 chars + "…".
    expect(ellipsis('sh -c cp -r webapps.dist/* webapps && rm -rf webapps/docs', 45)).toBe('sh -c cp -r webapps.dist/* webapps && rm -rf…');
    expect(ellipsis('/bin/sh -c #(nop)  CMD ["sh"]', 45)).toBe('/bin/sh -c #(nop)  CMD ["sh"]');
    expect(ellipsis('x'.repeat(45), 45)).toBe('x'.repeat(45));
    expect(ellipsis('abc', 1)).toBe('a');
    expect(ellipsis('abc', 0)).toBe('');
  });

  it('Ellipsis counts East Asian wide characters as two columns', () => {
    expect(ellipsis('中文中文中文', 7)).toBe('中文中…');
    expect(ellipsis('中文', 4)).toBe('中文');
  });

  it('humanDuration matches go-units at its boundaries', () => {
    const s = 1000;
    const cases: [number, string][] = [
      [0, 'Less than a second'], [999, 'Less than a second'], [s, '1 second'], [59 * s, '59 seconds'],
      [60 * s, 'About a minute'], [119 * s, 'About a minute'], [120 * s, '2 minutes'], [59 * 60 * s, '59 minutes'],
      [60 * 60 * s, 'About an hour'], [89 * 60 * s, 'About an hour'], [90 * 60 * s, '2 hours'], [47 * 3600 * s, '47 hours'],
      [48 * 3600 * s, '2 days'], [13 * 86400 * s, '13 days'], [14 * 86400 * s, '2 weeks'], [60 * 86400 * s, '2 months'],
      [730 * 86400 * s, '2 years'],
    ];
    for (const [ms, text] of cases) expect(humanDuration(ms), `${ms}ms`).toBe(text);
  });

  it('container status texts', () => {
    expect(containerStatus({ status: 'running', exitCode: 0, startedAt: 0, finishedAt: 0 }, 500)).toBe('Up Less than a second');
    expect(containerStatus({ status: 'exited', exitCode: 137, startedAt: 0, finishedAt: 1000 }, 3000)).toBe('Exited (137) 2 seconds ago');
    expect(containerStatus({ status: 'created', exitCode: 0, startedAt: 0, finishedAt: 0 }, 3000)).toBe('Created');
  });

  it('RFC 3339 times as Go prints them in UTC', () => {
    expect(rfc3339Nano(Date.UTC(2024, 0, 1))).toBe('2024-01-01T00:00:00Z');
    expect(rfc3339Nano(Date.UTC(2024, 0, 1, 0, 0, 0, 120), 4500)).toBe('2024-01-01T00:00:00.1200045Z');
    expect(rfc3339(Date.UTC(2024, 0, 1, 0, 0, 1, 999))).toBe('2024-01-01T00:00:01Z');
  });
});

describe('generated container names', () => {
  it('look like adjective_surname (what the normalizer turns into <NAME>) and are valid names', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 200; i++) {
      const name = generateName(random, i % 2);
      expect(name).toMatch(i % 2 ? /^[a-z]+_[a-z]+\d$/ : /^[a-z]+_[a-z]+$/);
      expect(isValidContainerName(name)).toBe(true);
    }
  });

  it('rejects one-character names as Docker does', () => {
    expect(isValidContainerName('t')).toBe(false);
    expect(isValidContainerName('tomcat01')).toBe(true);
    expect(isValidContainerName('-x')).toBe(false);
  });
});

describe("Go's %q, %v and encoding/json", () => {
  it('formats history created_by slices like Go', () => {
    expect(goQuoteSlice(['catalina.sh', 'run'])).toBe('["catalina.sh" "run"]');
    expect(goSlice(['/a', '/b'])).toBe('[/a /b]');
    expect(goQuoteSlice(['/bin/sh', '-ec'])).toBe('["/bin/sh" "-ec"]');
    expect(goQuote('a"b\\c\nd\te\x01é中')).toBe('"a\\"b\\\\c\\nd\\te\\x01é中"');
  });

  it('prints template values like Go %v', () => {
    expect(goValue(['sh'])).toBe('[sh]');
    expect(goValue(null, 'slice')).toBe('[]');
    expect(goValue({ '8080/tcp': {} })).toBe('map[8080/tcp:{}]');
    expect(goValue(null, 'map')).toBe('map[]');
    expect(goValue(3)).toBe('3');
  });

  it('escapes like encoding/json and indents like MarshalIndent', () => {
    expect(goJson({ a: '<b>&', c: [1, 'x'], d: {}, e: [] })).toBe('{"a":"\\u003cb\\u003e\\u0026","c":[1,"x"],"d":{},"e":[]}');
    expect(goJson({ a: '<b>' }, { escapeHTML: false })).toBe('{"a":"<b>"}');
    expect(goJson({ a: [1], b: null }, { indent: '    ' })).toBe('{\n    "a": [\n        1\n    ],\n    "b": null\n}');
    expect(goJson('\u2028\x1f\u00e9')).toBe('"\\u2028\\u001fé"');
    // Strings with nothing to escape are written as they are; a quote, backslash, lone surrogate or U+2029 anywhere is still escaped.
    expect(goJson('plain /bin/sh -c #(nop) ENV A=1 é 中文 😀')).toBe('"plain /bin/sh -c #(nop) ENV A=1 é 中文 😀"');
    expect(goJson('a"b\\c\u2029d\ud800e')).toBe('"a\\"b\\\\c\\u2029d\\ufffde"');
  });
});
