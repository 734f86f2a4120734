// A button with an icon, an accessible name and a tooltip that also shows on keyboard focus.
import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';
import { SHORTCUTS, type ShortcutName } from './shortcuts';

interface Props {
  icon: IconName;
  label: string;
  shortcut?: ShortcutName;
  onClick(): void;
  disabled?: boolean;
  children?: ReactNode;
  className?: string;
  tipSide?: 'below' | 'above' | 'right';
  testId?: string;
  pressed?: boolean;
  /** "end" keeps the tooltip inside the window for buttons at its right edge. */
  tipAlign?: 'end';
}

export function IconButton({
  icon,
  label,
  shortcut,
  onClick,
  disabled,
  children,
  className,
  tipSide = 'below',
  testId,
  pressed,
  tipAlign,
}: Props) {
  const tip = shortcut ? `${label} (${SHORTCUTS[shortcut]})` : label;
  return (
    <button
      type="button"
      className={`icon-button ${children ? 'has-text' : ''} ${className ?? ''}`}
      aria-label={tip}
      data-tip={tip}
      data-tip-side={tipSide}
      data-tip-align={tipAlign}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
      aria-pressed={pressed}
    >
      <Icon name={icon} />
      {children}
    </button>
  );
}
