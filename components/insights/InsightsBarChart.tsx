'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_COLORS, type ChartColor } from './chart-colors';

export interface ChartSeries {
  key: string;
  label: string;
  color: ChartColor;
}

export interface InsightsBarChartProps {
  /** Names what the chart shows, for assistive technology (the table below has the figures). */
  label: string;
  data: Array<Record<string, string | number>>;
  categoryKey: string;
  series: ChartSeries[];
  /** 'bars' run left to right with labels on the side (long labels); 'columns' stand on a time axis. */
  orientation: 'bars' | 'columns';
  stacked?: boolean;
}

const MAX_LABEL = 30;
const shorten = (value: unknown) => {
  const text = String(value);
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
};

/**
 * The one recharts leaf of the insights page. Axis text and grid use currentColor from the
 * wrapper, so they follow the light or dark text colour; bar colours keep 3:1 on both backgrounds.
 */
export function InsightsBarChart({
  label,
  data,
  categoryKey,
  series,
  orientation,
  stacked = false,
}: InsightsBarChartProps) {
  const bars = orientation === 'bars';
  const height = bars ? Math.max(160, data.length * (series.length > 1 && !stacked ? 34 : 28) + 60) : 260;
  const t = useTranslations('Insights');
  const format = useFormatter();
  const tick = { fill: 'currentColor', fontSize: 12 };
  const count = (value: unknown) => (typeof value === 'number' ? format.number(value) : String(value));
  // "2025-03-14" → "3/14", "14.3.", "3/14": a month of days fits under the axis, in UTC days.
  const shortDay = (value: unknown) => {
    const day = new Date(`${String(value)}T00:00:00Z`);
    return Number.isNaN(day.getTime())
      ? String(value)
      : format.dateTime(day, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  };
  const longDay = (value: unknown) => {
    const day = new Date(`${String(value)}T00:00:00Z`);
    return Number.isNaN(day.getTime())
      ? String(value)
      : format.dateTime(day, { dateStyle: 'medium', timeZone: 'UTC' });
  };
  return (
    <div
      role="img"
      data-insights-chart=""
      aria-label={t('chartLabel', { label })}
      className="text-slate-700 [--chart-surface:#ffffff] [--chart-text:#0f172a] dark:text-slate-300 dark:[--chart-surface:#0f172a] dark:[--chart-text:#f1f5f9]"
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
        <BarChart
          data={data}
          layout={bars ? 'vertical' : 'horizontal'}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={!bars} vertical={bars} />
          {bars ? (
            <>
              <XAxis
                type="number"
                allowDecimals={false}
                tick={tick}
                tickFormatter={count}
                stroke="currentColor"
              />
              <YAxis
                type="category"
                dataKey={categoryKey}
                width={210}
                tick={tick}
                tickFormatter={shorten}
                stroke="currentColor"
                interval={0}
              />
            </>
          ) : (
            <>
              <XAxis
                dataKey={categoryKey}
                tick={tick}
                tickFormatter={shortDay}
                stroke="currentColor"
                minTickGap={12}
              />
              <YAxis
                allowDecimals={false}
                tick={tick}
                tickFormatter={count}
                stroke="currentColor"
                width={40}
              />
            </>
          )}
          <Tooltip
            formatter={(value) => count(value)}
            {...(bars ? {} : { labelFormatter: longDay })}
            cursor={{ fill: 'currentColor', fillOpacity: 0.08 }}
            contentStyle={{
              background: 'var(--chart-surface)',
              borderColor: 'currentColor',
              color: 'var(--chart-text)',
              borderRadius: 6,
            }}
            itemStyle={{ color: 'var(--chart-text)' }}
            labelStyle={{ color: 'var(--chart-text)', fontWeight: 600 }}
          />
          {series.length > 1 ? (
            <Legend
              formatter={(value: string) => (
                <span className="text-slate-700 dark:text-slate-300">{value}</span>
              )}
            />
          ) : null}
          {series.map((entry) => (
            <Bar
              key={entry.key}
              dataKey={entry.key}
              name={entry.label}
              fill={CHART_COLORS[entry.color]}
              stackId={stacked ? 'stack' : undefined}
              isAnimationActive={false}
              maxBarSize={28}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
