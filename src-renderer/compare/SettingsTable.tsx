// The settings that differ between the compared runs, with final and best metrics; click a header to sort.
import { useState } from 'react';
import { comparisonTable, metricsOf, settingLabel, type ComparedRun, type MetricKey } from './comparison';

type SortKey = { kind: 'name' } | { kind: 'setting'; key: string } | { kind: 'metric'; key: MetricKey; which: 'final' | 'best' };

const fmt = (v: number | undefined, percent: boolean) =>
  v === undefined ? '–' : percent ? `${(v * 100).toFixed(1)}%` : v.toPrecision(4);

export function SettingsTable({ runs }: { runs: readonly ComparedRun[] }) {
  const [sort, setSort] = useState<{ by: SortKey; desc: boolean }>({ by: { kind: 'name' }, desc: false });
  const table = comparisonTable(runs);
  const metrics = metricsOf(runs).filter((m) => table.rows.some((r) => r.metrics[m.key]?.final !== undefined));
  const valueOf = (row: (typeof table.rows)[number]): string | number | null => {
    const by = sort.by;
    if (by.kind === 'name') return row.name;
    if (by.kind === 'setting') return row.values[by.key] as string | number | null;
    return row.metrics[by.key][by.which] ?? null;
  };
  const rows = [...table.rows].sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === vb) return 0;
    if (va === null) return 1;
    if (vb === null) return -1;
    const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return sort.desc ? -order : order;
  });
  const header = (label: string, by: SortKey, testId: string) => {
    const active = JSON.stringify(by) === JSON.stringify(sort.by);
    return (
      <th key={testId} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="link-button"
          data-testid={testId}
          onClick={() => setSort({ by, desc: active ? !sort.desc : false })}
        >
          {label}
          {active ? (sort.desc ? ' ▼' : ' ▲') : ''}
        </button>
      </th>
    );
  };
  return (
    <div className="compare-table-wrap">
      {table.keys.length === 0 && <p className="panel-empty">These runs have the same settings.</p>}
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            {header('Run', { kind: 'name' }, 'sort-name')}
            {table.keys.map((k) => header(settingLabel(k), { kind: 'setting', key: k }, `sort-${k}`))}
            {metrics.flatMap((m) => [
              header(`${m.label} (final)`, { kind: 'metric', key: m.key, which: 'final' }, `sort-${m.key}-final`),
              header(`${m.label} (best)`, { kind: 'metric', key: m.key, which: 'best' }, `sort-${m.key}-best`),
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="compare-row" data-run-id={row.id}>
              <td>{row.name}</td>
              {table.keys.map((k) => (
                <td key={k}>{String(row.values[k] ?? '–')}</td>
              ))}
              {metrics.flatMap((m) => [
                <td key={`${m.key}-f`} className="num">
                  {fmt(row.metrics[m.key].final, m.percent)}
                </td>,
                <td
                  key={`${m.key}-b`}
                  className="num"
                  title={row.metrics[m.key].bestEpoch !== undefined ? `epoch ${row.metrics[m.key].bestEpoch}` : undefined}
                >
                  {fmt(row.metrics[m.key].best, m.percent)}
                </td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
