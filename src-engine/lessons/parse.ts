// Reads a lesson (a built-in object or a teacher's JSON file): the schema, then the references
// the schema cannot see (variants, graphs, measure kinds), each error naming its place.
import { describeLessonIssues, lessonSchema, type Lesson } from '../../src-shared/lessonFormat';
import { getMeasure, listMeasures } from './measureRegistry';
import './evaluate';

export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

export function parseLesson(value: unknown): LessonParse {
  const parsed = lessonSchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: describeLessonIssues(value, parsed.error) };
  const lesson = parsed.data;
  const errors: string[] = [];
  const at = (where: string, message: string) => errors.push(`lesson "${lesson.id}" (${where}): ${message}`);
  const graphs = Object.keys(lesson.setup.graphs);
  const variants = lesson.setup.variants.map((v) => v.id);
  if (graphs.length === 0 && lesson.setup.variants.length > 0) at('setup.graphs', 'a lesson with runs needs at least one graph');
  lesson.setup.variants.forEach((v, i) => {
    if (v.graph !== undefined && !graphs.includes(v.graph))
      at(`setup.variants.${i}.graph`, `there is no graph "${v.graph}" (graphs: ${graphs.join(', ')})`);
    if (variants.indexOf(v.id) !== i) at(`setup.variants.${i}.id`, `variant "${v.id}" appears twice`);
  });
  const knownVariant = (where: string, id: string | undefined) => {
    if (id !== undefined && !variants.includes(id)) at(where, `there is no variant "${id}" (variants: ${variants.join(', ')})`);
  };
  lesson.check.assertions.forEach((a, i) => {
    const def = getMeasure(a.measure.kind);
    if (!def)
      at(
        `check.assertions.${i}.measure.kind`,
        `unknown measure "${a.measure.kind}" (known: ${listMeasures()
          .map((m) => m.kind)
          .join(', ')})`,
      );
    else if (def.needsRun && a.variant === undefined)
      at(`check.assertions.${i}.variant`, `measure "${a.measure.kind}" is taken on a run: name the variant`);
    knownVariant(`check.assertions.${i}.variant`, a.variant);
    knownVariant(`check.assertions.${i}.relativeTo.variant`, a.relativeTo?.variant);
    if (a.op === 'between' ? a.min === undefined && a.max === undefined : a.value === undefined)
      at(`check.assertions.${i}`, a.op === 'between' ? 'give min, max or both' : 'give the value to compare with');
  });
  lesson.view.variants?.forEach((v, i) => knownVariant(`view.variants.${i}`, v));
  lesson.extraViews?.forEach((view, k) => view.variants?.forEach((v, i) => knownVariant(`extraViews.${k}.variants.${i}`, v)));
  [lesson.view, ...(lesson.extraViews ?? [])].forEach((view, k) => {
    const where = k === 0 ? 'view' : `extraViews.${k - 1}`;
    if ((view.kind === 'histograms' || view.kind === 'byDepth') && !view.nodes?.length)
      at(`${where}.nodes`, `a "${view.kind}" view names the layers it shows, input to output`);
  });
  lesson.variations.forEach((v, i) => v.variants?.forEach((id, j) => knownVariant(`variations.${i}.variants.${j}`, id)));
  return errors.length ? { ok: false, errors } : { ok: true, lesson };
}
