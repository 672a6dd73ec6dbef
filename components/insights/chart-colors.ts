/**
 * Bar colours with at least 3:1 contrast against both the light card (#ffffff) and the dark
 * one (#0f172a), so every bar stays visible whichever scheme the visitor's system prefers.
 */
export const CHART_COLORS = {
  green: '#039855',
  blue: '#2563eb',
  amber: '#d97706',
  rose: '#e11d48',
  slate: '#64748b',
} as const;

export type ChartColor = keyof typeof CHART_COLORS;
