import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runRulesEvalCli, type CliIo } from '../../../src/cli/rules-eval.cli';
import { evaluateCase, evaluateCases } from '../../../src/rules';

function io(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: (p) => {
      if (!(p in files)) throw new Error(`ENOENT: no such file ${p}`);
      return files[p];
    },
  };
  return { cli, out, err };
}

describe('evaluator', () => {
  it('evaluates cases in order and turns unknown rules and bad input into error outputs', () => {
    const r = evaluateCases([
      {
        id: 'a',
        rule: 'predikat',
        input: { resultRating: 'DI_ATAS_EKSPEKTASI', behaviorRating: 'DI_ATAS_EKSPEKTASI' },
      },
      { id: 'b', rule: 'no.such.rule', input: {} },
      { id: 'c', rule: 'ak.conversion', input: { jenjang: 'AHLI_PERTAMA', predicate: 'BAIK', months: 99 } },
      { rule: 'distribution' },
      null,
    ]);
    expect(r.map((x) => x.id)).toEqual(['a', 'b', 'c', '#3', '#4']);
    expect(r[0].output).toMatchObject({ predicate: 'SANGAT_BAIK' });
    expect((r[1].output as { error: string }).error).toMatch(/unknown rule "no.such.rule"/);
    expect((r[2].output as { error: string }).error).toMatch(/months/);
    expect((r[3].output as { error: string }).error).toMatch(/input/);
    expect((r[4].output as { error: string }).error).toMatch(/case/);
  });
  it('routes a unit-head predikat case through the org predicate', () => {
    expect(
      evaluateCase({
        id: 'x',
        rule: 'predikat',
        input: { orgPredicate: 'KURANG', behaviorRating: 'DI_ATAS_EKSPEKTASI' },
      }),
    ).toMatchObject({ predicate: 'BUTUH_PERBAIKAN', resultRating: 'DI_BAWAH_EKSPEKTASI' });
  });
});

describe('rules:eval CLI', () => {
  it('prints [{ id, output }] and returns 0', () => {
    const { cli, out, err } = io({
      'cases.json': JSON.stringify([
        { id: 'd1', rule: 'discipline.attendanceLadder', input: { cumulativeDays: 3 } },
        { id: 'd2', rule: 'x', input: {} },
      ]),
    });
    expect(runRulesEvalCli(['cases.json'], cli)).toBe(0);
    expect(err).toEqual([]);
    const printed = JSON.parse(out.join(''));
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatchObject({ id: 'd1', output: { level: 'RINGAN', sanction: 'TEGURAN_LISAN' } });
    expect(printed[1].output.error).toMatch(/unknown rule/);
  });
  it('returns 2 with a clear message for a missing file, invalid JSON, a non-array or no argument', () => {
    let t = io();
    expect(runRulesEvalCli(['missing.json'], t.cli)).toBe(2);
    expect(t.err.join('')).toMatch(/cannot read missing.json/);
    t = io({ 'bad.json': '{ nope' });
    expect(runRulesEvalCli(['bad.json'], t.cli)).toBe(2);
    expect(t.err.join('')).toMatch(/invalid JSON in bad.json/);
    t = io({ 'obj.json': '{"a":1}' });
    expect(runRulesEvalCli(['obj.json'], t.cli)).toBe(2);
    expect(t.err.join('')).toMatch(/must contain a JSON array/);
    t = io();
    expect(runRulesEvalCli([], t.cli)).toBe(2);
    expect(t.out).toEqual([]);
  });
  it('reads a real file with the default io', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-eval-'));
    const file = path.join(dir, 'c.json');
    fs.writeFileSync(
      file,
      JSON.stringify([{ id: 'n', rule: 'netralitas.classify', input: { act: 'N08', stage: 'CALON' } }]),
    );
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(runRulesEvalCli([file])).toBe(0);
      const printed = JSON.parse(spy.mock.calls.map((c) => String(c[0])).join(''));
      expect(printed[0]).toMatchObject({ id: 'n', output: { track: 'PTDH', level: null } });
    } finally {
      spy.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
