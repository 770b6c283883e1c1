import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
} from 'chart.js';

// Only what the dashboard draws: the KPI trend (line), weeks (bar), the year's breakdown (pie).
// Every chart has its figures in text beside it, so no tooltip plugin is needed.
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
);

export { Chart };
