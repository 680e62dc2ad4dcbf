import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { HeatmapChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([LineChart, SankeyChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

/**
 * An ECharts chart. To assistive technology it is one image named by `summary`;
 * every chart on a page also has a table with the same figures next to it.
 * `option` may be a function of the chart's width in px, so labels can be sized to fit (on a phone too).
 */
export function Chart({ option, summary, height = 320, onItemClick, testId }: {
  option: EChartsCoreOption | ((width: number) => EChartsCoreOption);
  summary: string;
  height?: number;
  onItemClick?: (params: { dataType?: string; data?: unknown; name?: string }) => void;
  testId?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  const [width, setWidth] = useState(0);
  const [fontFamily, setFontFamily] = useState('sans-serif');
  useEffect(() => {
    clickRef.current = onItemClick;
  });

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg', locale: 'EN' });
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(params as never));
    const measured = element.current;
    setWidth(measured.clientWidth);
    // the page's font by name: ECharts measures labels (to cut them with …) in the font it is given, and 'inherit' measures as a default font
    setFontFamily(getComputedStyle(measured).fontFamily || 'sans-serif');
    const observer = new ResizeObserver(() => {
      setWidth(measured.clientWidth);
      instance.resize();
    });
    observer.observe(measured);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (width === 0) return;
    const resolved = typeof option === 'function' ? option(width) : option;
    chart.current?.setOption({ animation: false, textStyle: { fontFamily }, ...resolved }, true);
  }, [option, width, fontFamily]);

  return <div className="chart" ref={element} role="img" aria-label={summary} style={{ height }} data-testid={testId} />;
}
