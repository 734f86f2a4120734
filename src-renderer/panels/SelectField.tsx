// A labelled select with its one-line help or error, as the Training panel's settings show them.

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  help?: string;
  error?: boolean;
  onChange(value: string): void;
}

export function SelectField({ id, label, value, options, help, error, onChange }: SelectFieldProps) {
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <label htmlFor={`f-${id}`}>{label}</label>
      <select
        id={`f-${id}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={`select-${id}`}
        aria-describedby={`f-${id}-help`}
      >
        {!options.some((o) => o.value === value) && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {help && (
        <p className={`field-help ${error ? 'field-error' : ''}`} id={`f-${id}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}
