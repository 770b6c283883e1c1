import type { ChartConfiguration } from 'chart.js';

/**
 * A Svelte attachment: `<canvas {@attach chart(config)}>`. chart.js is loaded on first use,
 * so pages without a chart never download it; redrawn when the config changes.
 */
export function chart(config: ChartConfiguration) {
  return (canvas: HTMLCanvasElement) => {
    let destroyed = false;
    let instance: { destroy(): void } | undefined;
    void import('./chart-setup').then(({ Chart }) => {
      if (destroyed) return;
      instance = new Chart(canvas, {
        ...config,
        options: { animation: false, maintainAspectRatio: false, ...config.options },
      });
    });
    return () => {
      destroyed = true;
      instance?.destroy();
    };
  };
}

export const COLOURS = {
  present: '#1d6b35',
  authorized: '#0b4f8a',
  unauthorized: '#a3142a',
  line: '#0b4f8a',
};
