// One form control for one ParamSpec, with its one-line explanation and a validation message.
import { useEffect, useId, useRef, useState } from 'react';
import { listInitializers, type ParamSpec } from '../app/engine';
import { blurOutcome, checkValue, formatParamValue, parseParamText } from './paramInput';

interface Props {
  spec: ParamSpec;
  value: unknown;
  onChange(value: unknown): void;
  /** A problem the validator found for this field (shown if the field itself has none). */
  problem?: string;
  disabled?: boolean;
  /** Label of the graph-wide initializer, for the "default" option. */
  defaultInitializer?: string;
  testId?: string;
  /** The description as the label's tooltip, not a line under the field (cards with little room). */
  compact?: boolean;
}

export function ParamField({ spec, value, onChange, problem, disabled, defaultInitializer, testId, compact }: Props) {
  const id = useId();
  const [local, setLocal] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const typed = useRef<string | null>(null);
  // A change from elsewhere (undo, another node) replaces what is being typed; our own commit does not,
  // so "0." stays on screen on the way to "0.5".
  useEffect(() => {
    if (typed.current !== JSON.stringify(value ?? null)) {
      setLocal(null);
      setError(null);
    }
  }, [value, spec.name]);

  const commitText = (text: string) => {
    setLocal(text);
    // Clearing a field to type a new number is not yet a choice of the default: that waits for blur.
    if (text.trim() === '') {
      setError(null);
      return;
    }
    const parsed = parseParamText(spec, text);
    if (parsed.ok) {
      setError(null);
      typed.current = JSON.stringify(parsed.value ?? null);
      onChange(parsed.value);
    } else setError(parsed.message);
  };

  const message = error ?? problem ?? null;
  const describedBy = `${id}-help`;
  let control;
  switch (spec.kind) {
    case 'bool':
      control = (
        <input
          id={id}
          type="checkbox"
          checked={Boolean(value ?? spec.default)}
          onChange={(e) => onChange(e.target.checked)}
          disabled={disabled}
          aria-describedby={describedBy}
          data-testid={testId}
        />
      );
      break;
    case 'enum':
    case 'initializer': {
      const options =
        spec.kind === 'enum' ? spec.options.map((o) => ({ value: o, label: o })) : initializerOptions(defaultInitializer);
      control = (
        <select
          id={id}
          value={String(value ?? spec.default ?? '')}
          onChange={(e) => {
            const parsed = checkValue(spec, e.target.value);
            if (parsed.ok) onChange(parsed.value);
          }}
          disabled={disabled}
          aria-describedby={describedBy}
          data-testid={testId}
        >
          {spec.optional && value === undefined && spec.default === undefined && <option value="">—</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    }
    default:
      control = (
        <input
          id={id}
          type="text"
          inputMode={spec.kind === 'shape' || spec.kind === 'pair' ? 'text' : 'decimal'}
          value={local ?? formatParamValue(spec, value)}
          placeholder={placeholder(spec)}
          onChange={(e) => commitText(e.target.value)}
          onBlur={() => {
            const outcome = blurOutcome(spec, local, value);
            if (outcome.kind === 'keep') {
              setError(outcome.message);
              return;
            }
            if (outcome.kind === 'unset') onChange(undefined);
            typed.current = null;
            setLocal(null);
            setError(null);
          }}
          disabled={disabled}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          spellCheck={false}
        />
      );
  }
  return (
    <div className={`field ${spec.kind === 'bool' ? 'field-inline' : ''} ${message ? 'has-error' : ''}`}>
      <label htmlFor={id} title={compact ? spec.description : undefined}>
        {spec.label}
      </label>
      {control}
      {/* Compact: hidden from view (the label's tooltip shows it), still the control's description. */}
      <p className="field-help" id={describedBy} hidden={compact && !message}>
        {message ? (
          <span className="field-error" role="alert">
            {message}
          </span>
        ) : (
          spec.description
        )}
      </p>
    </div>
  );
}

function placeholder(spec: ParamSpec): string {
  if (spec.default !== undefined) return `${formatParamValue(spec, spec.default)} (default)`;
  if (spec.kind === 'shape') return 'from the dataset';
  return spec.optional ? 'off' : '';
}

function initializerOptions(defaultInitializer: string | undefined) {
  return [
    { value: 'default', label: `default${defaultInitializer ? ` (${defaultInitializer})` : ''}` },
    ...listInitializers().map((i) => ({ value: i.name, label: i.label })),
  ];
}
