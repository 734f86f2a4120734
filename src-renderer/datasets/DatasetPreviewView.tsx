// A dataset at a glance: a scatter plot for 2-D points, thumbnails for images, samples as text for
// token and word datasets (names, skip-gram, CBOW), else a table head.
import { useEffect, useRef } from 'react';
import type { DatasetPreview } from '../app/engine';
import { useEChart } from '../charts/useEChart';
import type { EChartsOption } from '../charts/echarts';
import { sequencePreviewOf, sequenceTextTable, type TextTable } from '../sequences/previewTable';

type Points = Extract<DatasetPreview, { kind: 'points' }>;
type Images = Extract<DatasetPreview, { kind: 'images' }>;
type Table = Extract<DatasetPreview, { kind: 'table' }>;

export function DatasetPreviewView({
  preview,
  classNames,
  task,
}: {
  preview: DatasetPreview;
  classNames?: string[];
  task: string;
}) {
  // Token ids first: a scatter or table of ids (skip-gram pairs, name characters) means nothing to a reader.
  const sequence = sequencePreviewOf(preview);
  const text = sequence && sequenceTextTable(sequence);
  if (text) return <TextPreview table={text} />;
  if (preview.kind === 'points')
    return <ScatterPreview preview={preview} classNames={classNames} regression={task === 'regression'} />;
  if (preview.kind === 'images') return <ImageGrid preview={preview} classNames={classNames} />;
  return <TablePreview preview={preview} />;
}

function TextPreview({ table }: { table: TextTable }) {
  return (
    <div className="preview-table" data-testid="sequence-preview">
      <p className="muted" style={{ margin: '4px 8px', fontSize: 11.5 }}>
        {table.caption}
      </p>
      <table>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col" style={{ textAlign: 'left' }}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} style={{ textAlign: 'left' }}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ScatterPreview({ preview, classNames, regression }: { preview: Points; classNames?: string[]; regression: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const { chart, theme } = useEChart(box);
  useEffect(() => {
    if (!chart || !theme) return;
    const axis = {
      axisLabel: { color: theme.muted, fontSize: 10 },
      axisLine: { lineStyle: { color: theme.axis } },
      splitLine: { lineStyle: { color: theme.grid } },
      scale: true,
    };
    const option: EChartsOption = {
      animation: false,
      color: theme.series,
      grid: { left: 36, right: regression ? 60 : 10, top: 26, bottom: 24 },
      xAxis: { type: 'value', ...axis },
      yAxis: { type: 'value', ...axis },
      legend: { top: 0, textStyle: { color: theme.muted, fontSize: 10 }, itemWidth: 10, itemHeight: 10 },
      tooltip: { trigger: 'item', backgroundColor: theme.tooltipBg, textStyle: { color: theme.text, fontSize: 11 } },
    };
    if (regression) {
      option.visualMap = {
        type: 'continuous',
        dimension: 2,
        right: 0,
        top: 'middle',
        itemHeight: 100,
        calculable: false,
        textStyle: { color: theme.muted, fontSize: 10 },
        inRange: { color: ['#4263eb', '#f0f0f0', '#f76707'] },
        min: minOf(preview),
        max: maxOf(preview),
      };
      option.series = [{ type: 'scatter', name: 'samples', symbolSize: 5, data: preview.points.map((p) => [p.x, p.y, p.label]) }];
    } else {
      const classes = [...new Set(preview.points.map((p) => p.label))].sort((a, b) => a - b);
      option.series = classes.map((c) => ({
        type: 'scatter' as const,
        name: classNames?.[c] ?? `class ${c}`,
        symbolSize: 5,
        data: preview.points.filter((p) => p.label === c).map((p) => [p.x, p.y]),
      }));
    }
    chart.setOption(option, { notMerge: true });
  }, [chart, theme, preview, classNames, regression]);
  return <div className="preview-scatter" ref={box} role="img" aria-label={`Scatter plot of ${preview.points.length} samples`} />;
}

function ImageGrid({ preview, classNames }: { preview: Images; classNames?: string[] }) {
  return (
    <div className="preview-images" aria-label={`${preview.images.length} sample images`}>
      {preview.images.map((img, i) => (
        <figure key={i}>
          <PixelCanvas width={preview.width} height={preview.height} channels={preview.channels} pixels={img.pixels} />
          <figcaption>{classNames?.[img.label] ?? img.label}</figcaption>
        </figure>
      ))}
    </div>
  );
}

function PixelCanvas({ width, height, channels, pixels }: { width: number; height: number; channels: number; pixels: number[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const r = pixels[i * channels];
      const g = channels >= 3 ? pixels[i * channels + 1] : r;
      const b = channels >= 3 ? pixels[i * channels + 2] : r;
      image.data.set([r, g, b, 255], i * 4);
    }
    ctx.putImageData(image, 0, 0);
  }, [width, height, channels, pixels]);
  return <canvas ref={canvas} width={width} height={height} />;
}

function TablePreview({ preview }: { preview: Table }) {
  return (
    <div className="preview-table">
      <table>
        <thead>
          <tr>
            {preview.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function minOf(p: Points): number {
  return p.points.reduce((m, q) => Math.min(m, q.label), Infinity);
}

function maxOf(p: Points): number {
  return p.points.reduce((m, q) => Math.max(m, q.label), -Infinity);
}
