// Whether an element is on screen (in the viewport and not in a hidden panel): live charts below
// the fold skip their redraws and catch up once scrolled into view.
import { useEffect, useState, type RefObject } from 'react';

export function useVisible(element: RefObject<HTMLElement | null>): boolean {
  // Visible until the observer says otherwise: where there is none (tests), charts always draw.
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = element.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setVisible(last.isIntersecting);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [element]);
  return visible;
}
