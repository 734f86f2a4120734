// The full-width screen shown instead of the editor, if any.
import { useScreenStore } from './screenStore';
import { CompareView } from '../compare/CompareView';
import { OptimizerLab } from '../labs/optimizerLab/OptimizerLab';
import { InsideView } from '../insight/InsideView';
import { InitLab } from '../labs/initLab/InitLab';
import { ModelView } from '../insight/ModelView';
import { GradCheckView } from '../labs/gradCheck/GradCheckView';
import { SequencesView } from '../sequences/SequencesView';
import { LessonsView } from '../lessons/LessonsView';

export function ScreenView() {
  const screen = useScreenStore((s) => s.screen);
  if (screen?.kind === 'compare') return <CompareView />;
  if (screen?.kind === 'optimizerLab') return <OptimizerLab />;
  if (screen?.kind === 'inside') return <InsideView />;
  if (screen?.kind === 'initLab') return <InitLab />;
  if (screen?.kind === 'model') return <ModelView runId={screen.runId} />;
  if (screen?.kind === 'gradCheck') return <GradCheckView />;
  if (screen?.kind === 'sequences') return <SequencesView />;
  if (screen?.kind === 'lessons') return <LessonsView />;
  return null;
}
