// Saving a comparison: a file download from text or a data URL, and a chart as PNG.
import type { EChartsType } from '../charts/echarts';

export function downloadUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadText(text: string, fileName: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(url, fileName);
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadChartPng(chart: EChartsType, fileName: string): void {
  const background = getComputedStyle(document.documentElement).getPropertyValue('--surface').trim() || '#ffffff';
  downloadUrl(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background }), fileName);
}
