// The parts of ECharts the app draws with, registered once. Loaded only through EChart's dynamic
// import, so ECharts (a few hundred kB) is downloaded by the screens that show a chart, and only
// when they do.
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** What a chart of this app may be given; extend `use` above and this type together. */
export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export { init };
