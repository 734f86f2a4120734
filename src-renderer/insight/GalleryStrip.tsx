// The output beside the network for image datasets: a strip of validation samples, each with the
// class the network gives it now (green when right, red when wrong), redrawn at every epoch.
import { useEffect, useRef } from 'react';
import type { NetworkInsight } from '../../src-shared/engineEvents';

type Gallery = NonNullable<NetworkInsight['gallery']>;
type Item = Gallery['items'][number];

function Sample({ item, width, height, classNames }: { item: Item; width: number; height: number; classNames?: string[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    item.pixels.forEach((v, i) => {
      // Ink dark on paper, as the digits were written.
      image.data.set([255 - v, 255 - v, 255 - v, 255], i * 4);
    });
    ctx.putImageData(image, 0, 0);
  }, [item.pixels, width, height]);
  const right = item.predicted === item.label;
  const name = (k: number) => classNames?.[k] ?? String(k);
  return (
    <figure
      className={right ? 'gallery-item is-right' : 'gallery-item is-wrong'}
      data-testid="gallery-item"
      data-predicted={item.predicted}
      data-label={item.label}
      title={`true class ${name(item.label)}; the network says ${name(item.predicted)} (${Math.round(item.confidence * 100)} %)`}
    >
      <canvas ref={ref} width={width} height={height} />
      <figcaption>{name(item.predicted)}</figcaption>
    </figure>
  );
}

export function GalleryStrip({ gallery, epoch, classNames }: { gallery?: Gallery; epoch?: number; classNames?: string[] }) {
  const right = gallery ? gallery.items.filter((i) => i.predicted === i.label).length : 0;
  return (
    <section
      className="output-panel"
      aria-label="Predictions"
      data-testid="output-gallery"
      data-epoch={gallery ? epoch : undefined}
    >
      <h3 className="output-title">Output{gallery ? <span className="output-epoch"> · epoch {epoch}</span> : null}</h3>
      {gallery ? (
        <>
          <div className="gallery-strip">
            {gallery.items.map((item, k) => (
              <Sample key={k} item={item} width={gallery.width} height={gallery.height} classNames={classNames} />
            ))}
          </div>
          <p className="output-hint">
            Validation samples and the class the network gives each: {right} of {gallery.items.length} right.
          </p>
        </>
      ) : (
        <p className="output-hint">Train to see what the network calls a few validation samples, epoch by epoch.</p>
      )}
    </section>
  );
}
