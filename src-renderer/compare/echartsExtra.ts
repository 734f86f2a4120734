// The chart kinds only the compare and lab screens draw (bars, heatmaps, markers), added to the shared ECharts build.
import { echarts } from '../charts/echarts';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { MarkPointComponent, DataZoomComponent } from 'echarts/components';

echarts.use([BarChart, HeatmapChart, MarkPointComponent, DataZoomComponent]);

export { echarts };
