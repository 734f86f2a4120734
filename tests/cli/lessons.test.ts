// `lessons`: the list, one lesson run headlessly with its JSON line (exit 0 whether or not the
// claim held), a variation that breaks the claim, a teacher's lesson file, and a broken one.
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli';

function lastJson(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

describe('cli lessons', () => {
  it('lists the built-in lessons in order, the 16 of the course and those beyond it', async () => {
    const r = await runCli(['lessons']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(16);
    expect(r.stdout.split('\n')[0]).toMatch(/^\s+1\s+perceptron\s+A perceptron learns AND, OR and NAND/);
    expect(r.stdout).toMatch(/16\s+gradient-check/);
    expect(r.stdout).toMatch(/17\s+lstm-remembers/);
    expect(r.stdout).toMatch(/18\s+word-neighbours/);
  });

  it('runs a lesson and prints {"event":"lesson", held, measured, claim}', async () => {
    const r = await runCli(['lessons', 'run', 'zero-centred', '--seed', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = lastJson(r.stdout);
    expect(out).toMatchObject({ event: 'lesson', id: 'zero-centred', held: true });
    expect(out.claim).toMatch(/sigmoid/);
    expect(out.measured).toMatchObject({ 'sigmoid.sameSignUnits second': 1 });
  });

  it('exits 0 with held false and the reason when a variation breaks the claim', async () => {
    // Variation 1 gives the first layer its own random initializer, so even the zero run's units differ.
    const r = await runCli(['lessons', 'run', 'symmetry', '--variation', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = lastJson(r.stdout);
    expect(out.held).toBe(false);
    expect(out.why).toMatch(/names its own initializer/);
    expect((out.measured as Record<string, number>)['zeros.unitSpread hidden1']).toBeGreaterThan(0);
  });

  it('runs a teacher’s lesson file', async () => {
    const r = await runCli(['lessons', 'run', 'examples/lessons/perceptron-not.json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({
      event: 'lesson',
      id: 'perceptron-not',
      held: true,
      measured: { 'not.finalTrainAcc': 1 },
    });
  });

  it('exports a lesson as JSON that reads back the same', async () => {
    const r = await runCli(['lessons', 'export', 'learning-rate']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ format: 'layerlab.lesson/1', id: 'learning-rate' });
    expect(doc.setup.variants.map((v: { id: string }) => v.id)).toEqual(['small', 'right', 'large']);
  });

  it('refuses an unknown lesson and a broken file, naming the place', async () => {
    const unknown = await runCli(['lessons', 'run', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: there is no lesson "nope" \(lessons: perceptron, /);
    const broken = await runCli(['lessons', 'run', 'examples/xor.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^error: examples\/xor.json: lesson "\?" \(format\)/);
  });
});
