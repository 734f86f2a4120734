// Whether the lesson's claim held on the student's runs: each assertion with the number measured
// and the number wanted, and when it did not hold, why that may be.
import type { Lesson, LessonOutcome } from '../../src-shared/lessonFormat';

const fmt = (v: number | null): string => {
  if (v === null) return 'not measured';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : 'NaN';
  if (v !== 0 && (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3)) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
};

export function LessonResult({ lesson, outcome, variation }: { lesson: Lesson; outcome: LessonOutcome; variation?: number }) {
  const question = variation === undefined ? undefined : lesson.variations[variation]?.question;
  return (
    <section
      className={`lesson-result ${outcome.held ? 'held' : 'not-held'}`}
      aria-label="Check"
      data-testid="lesson-result"
      data-held={outcome.held}
    >
      <h4>
        {outcome.held ? '✓ The claim held on your runs' : '✗ The claim did not hold on your runs'}
        {question && <span className="lesson-result-variation"> — after “{question}”</span>}
      </h4>
      <table className="compare-table lesson-checks" data-testid="lesson-checks">
        <thead>
          <tr>
            <th />
            <th>What the lesson says</th>
            <th>Measured</th>
            <th>Wanted</th>
          </tr>
        </thead>
        <tbody>
          {outcome.assertions.map((a, i) => (
            <tr key={i} data-held={a.held} data-testid="lesson-check-row">
              <td>{a.held ? '✓' : '✗'}</td>
              <td>{a.text}</td>
              <td className="num">{fmt(a.value)}</td>
              <td className="num">{a.expected}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!outcome.held && outcome.why && (
        <p className="lesson-why" data-testid="lesson-why">
          <strong>Why it may not have held:</strong> {outcome.why}
        </p>
      )}
    </section>
  );
}
