import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
} from 'chart.js';

// Only what the dashboard draws: the KPI trend (line), weeks (bar), the year's breakdown (pie).
// Every chart has its figures in text beside it, with colour keys there, so neither the tooltip
// nor the legend plugin is needed (they would cost the JavaScript budget, web/vite.config.ts).
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
);

export { Chart };
