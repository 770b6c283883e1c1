import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only what the dashboard draws: the KPI trend (line), weeks (bar), the year's breakdown (pie).
Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  PieController,
  ArcElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

/** A Svelte attachment: `<canvas {@attach chart(config)}>`; redrawn when the config changes. */
export function chart(config: ChartConfiguration) {
  return (canvas: HTMLCanvasElement) => {
    const instance = new Chart(canvas, {
      ...config,
      options: { animation: false, maintainAspectRatio: false, ...config.options },
    });
    return () => instance.destroy();
  };
}

export const COLOURS = {
  present: '#1d6b35',
  authorized: '#0b4f8a',
  unauthorized: '#a3142a',
  line: '#0b4f8a',
};
