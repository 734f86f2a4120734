// The Lessons screen: a list of guided experiments; each explains one idea, builds its runs in
// one click (a sweep from the same weights and batches), shows the view chosen for the idea and
// checks the lesson's claim on the student's own runs, with the numbers it measured.
import { useRef } from 'react';
import { IconButton } from '../ui/IconButton';
import { useScreenStore } from '../navigation/screenStore';
import { downloadText } from '../compare/download';
import { allLessons, useLessonStore } from './lessonStore';
import { Explanation } from './Explanation';
import { LessonResult } from './LessonResult';
import { LessonViewPanel } from './LessonViewPanel';
import { useUiStore } from '../ui/uiStore';
import '../compare/compare.css';
import './lessons.css';

export function LessonsView() {
  const opened = useLessonStore((s) => s.opened);
  const selectedId = useLessonStore((s) => s.selectedId);
  const progress = useLessonStore((s) => s.progress[selectedId]);
  const lessons = allLessons(opened);
  const lesson = lessons.find((l) => l.id === selectedId) ?? lessons[0];
  const file = useRef<HTMLInputElement>(null);
  const running = progress?.status === 'running' || progress?.status === 'checking';

  const openFile = async (f: File | undefined) => {
    if (!f) return;
    const problem = useLessonStore.getState().openFile(await f.text(), f.name);
    if (problem) useUiStore.getState().toast(problem, 'error');
    if (file.current) file.current.value = '';
  };

  return (
    <section className="compare-view lessons-view" aria-label="Lessons" data-testid="lessons-view">
      <div className="run-view-bar">
        <IconButton
          icon="back"
          label="Back to the editor"
          onClick={() => useScreenStore.getState().show(null)}
          testId="lessons-back"
          className="has-text"
        >
          Editor
        </IconButton>
        <h2 className="run-view-title">Lessons</h2>
        <span className="topbar-fill" />
        <button type="button" className="button" onClick={() => file.current?.click()} data-testid="lesson-open-file">
          Open lesson file…
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="lesson-file-input"
          onChange={(e) => void openFile(e.target.files?.[0])}
        />
      </div>
      <div className="lessons-body">
        <nav className="lessons-list" aria-label="Lesson list">
          <ol>
            {lessons.map((l, i) => (
              <li key={l.id}>
                <button
                  type="button"
                  className="lessons-item"
                  aria-current={l.id === lesson.id ? 'true' : undefined}
                  onClick={() => useLessonStore.getState().select(l.id)}
                  data-testid={`lesson-item-${l.id}`}
                >
                  <span className="lessons-number">{l.order ?? i + 1}</span>
                  <span className="lessons-title">{l.title}</span>
                  <StatusDot id={l.id} />
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <article className="lesson" data-testid="lesson" data-lesson={lesson.id}>
          <header className="lesson-head">
            <h3 data-testid="lesson-title">{lesson.title}</h3>
            <p className="lesson-idea">{lesson.idea}</p>
          </header>
          <Explanation text={lesson.explanation} />
          <section className="lesson-setup" aria-label="Experiment">
            <h4>The experiment</h4>
            {lesson.setup.variants.length > 0 ? (
              <p>
                {lesson.setup.variants.length} runs from the same initial weights and batches:{' '}
                {lesson.setup.variants.map((v) => v.label).join(' · ')}.
              </p>
            ) : (
              <p>No training: the check runs the gradient check on the lesson’s own small layers.</p>
            )}
            <p className="lesson-claim">
              <strong>Claim:</strong> {lesson.check.claim}
            </p>
            <div className="lesson-actions">
              <button
                type="button"
                className="button primary"
                disabled={running}
                onClick={() => void useLessonStore.getState().run(lesson)}
                data-testid="lesson-run"
              >
                {progress ? 'Run again' : 'Run the experiment'}
              </button>
              {progress && progress.runIds.length > 0 && !running && (
                <button
                  type="button"
                  className="button"
                  onClick={() => void useScreenStore.getState().compare(progress.runIds, lesson.title)}
                  data-testid="lesson-compare"
                >
                  Open the runs in Compare
                </button>
              )}
              <button
                type="button"
                className="button"
                onClick={() => downloadText(JSON.stringify(lesson, null, 2), `${lesson.id}.lesson.json`, 'application/json')}
                data-testid="lesson-export"
              >
                Export lesson
              </button>
            </div>
            {running && (
              <p className="lesson-progress" data-testid="lesson-progress">
                {progress.status === 'checking'
                  ? 'Checking the claim on the stored runs…'
                  : `Training: ${progress.finished} of ${progress.runIds.length || lesson.setup.variants.length} runs done…`}
              </p>
            )}
            {progress?.status === 'error' && (
              <p className="field-error" data-testid="lesson-error">
                The lesson could not run: {progress.error}
              </p>
            )}
          </section>
          {progress?.status === 'done' && progress.outcome && (
            <>
              <LessonResult lesson={lesson} outcome={progress.outcome} variation={progress.variation} />
              <LessonViewPanel lesson={lesson} progress={progress} />
            </>
          )}
          {progress?.status !== 'done' && lesson.view.kind === 'optimizerPath' && (
            <LessonViewPanel lesson={lesson} progress={progress} />
          )}
          {lesson.variations.length > 0 && (
            <section className="lesson-next" aria-label="Questions to try next">
              <h4>Try next</h4>
              <ul>
                {lesson.variations.map((v, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      className="chip"
                      disabled={running}
                      onClick={() => void useLessonStore.getState().run(lesson, i)}
                      data-testid={`lesson-variation-${i}`}
                    >
                      {v.question}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </article>
      </div>
    </section>
  );
}

function StatusDot({ id }: { id: string }) {
  const p = useLessonStore((s) => s.progress[id]);
  if (!p || p.status !== 'done' || !p.outcome) return null;
  return (
    <span
      className={`lessons-dot ${p.outcome.held ? 'held' : 'not-held'}`}
      aria-label={p.outcome.held ? 'claim held' : 'claim did not hold'}
    />
  );
}
