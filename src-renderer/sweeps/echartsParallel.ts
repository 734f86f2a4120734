// Parallel coordinates, used only by the search results (registered where they are drawn).
import { ParallelChart } from 'echarts/charts';
import { ParallelComponent } from 'echarts/components';
import { echarts } from '../charts/echarts';

echarts.use([ParallelChart, ParallelComponent]);
