import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Comparison, DashboardQuery } from './api.js';
import { dashboardRange, isPreset, type Preset } from './period.js';

export const FILTERS = ['accountId', 'network', 'campaignId', 'label'] as const;
export type FilterKey = (typeof FILTERS)[number];

export interface DashboardState {
  preset: Preset;
  custom: { from: string; to: string };
  compare: Comparison;
  filters: Partial<Record<FilterKey, string>>;
  query: DashboardQuery;
  update: (change: Record<string, string>) => void;
}

/** The dashboard's period, comparison and filters live in the address, so a view can be shared and reloaded. */
export function useDashboardQuery(zone: string): DashboardState {
  const [params, setParams] = useSearchParams();
  const presetParam = params.get('period');
  const preset: Preset = isPreset(presetParam) ? presetParam : 'this_month';
  const compare: Comparison = params.get('compare') === 'year_before' ? 'year_before' : 'previous';
  const custom = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const key = params.toString();
  // The range is computed once per address: recomputing on each render would move "now" and reload forever.
  const query = useMemo<DashboardQuery>(
    () => ({
      ...dashboardRange(preset, zone, Date.now(), custom),
      compare,
      ...filters,
    }),
    [key, zone],
  );
  const update = (change: Record<string, string>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(change)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  return { preset, custom, compare, filters, query, update };
}
