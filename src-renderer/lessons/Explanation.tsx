// A lesson's explanation: paragraphs of plain text with **bold**, *italic*, `code` and TeX
// between $…$ or $$…$$, typeset by KaTeX. A lesson file is not trusted: its text becomes React
// text nodes; only KaTeX's own output (it escapes its input, trust off) is set as HTML.
import { Fragment, type ReactNode } from 'react';
import katex from 'katex';
import 'katex/dist/katex.min.css';

export function Explanation({ text }: { text: string }) {
  return (
    <div className="lesson-explanation" data-testid="lesson-explanation">
      {text.split(/\n\s*\n/).map((para, i) => (
        <p key={i}>{inline(para)}</p>
      ))}
    </div>
  );
}

function tex(source: string, display: boolean, key: number): ReactNode {
  const html = katex.renderToString(source, { displayMode: display, throwOnError: false, trust: false, output: 'html' });
  return (
    <span key={key} className={display ? 'lesson-math-display' : 'lesson-math'} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/** Splits on $$…$$, $…$, **…**, *…* and `…`, in that order of precedence. */
function inline(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const pattern = /\$\$([\s\S]+?)\$\$|\$([^$]+?)\$|\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`/g;
  let last = 0;
  let key = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) parts.push(<Fragment key={key++}>{text.slice(last, m.index)}</Fragment>);
    if (m[1] !== undefined) parts.push(tex(m[1], true, key++));
    else if (m[2] !== undefined) parts.push(tex(m[2], false, key++));
    else if (m[3] !== undefined) parts.push(<strong key={key++}>{m[3]}</strong>);
    else if (m[4] !== undefined) parts.push(<em key={key++}>{m[4]}</em>);
    else parts.push(<code key={key++}>{m[5]}</code>);
    last = pattern.lastIndex;
  }
  if (last < text.length) parts.push(<Fragment key={key}>{text.slice(last)}</Fragment>);
  return parts;
}
