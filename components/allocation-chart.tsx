'use client';
/** The recharts donut of the allocation; loaded in its own chunk, drawn without animation. */
import { memo } from 'react';
import { Pie, PieChart } from 'recharts';

/** One slice: a name, its share in percent (for geometry only) and its colour. */
export interface AllocationSlice {
  name: string;
  value: number;
  fill: string;
}

// The panel's background between slices, so neighbouring colours stay apart.
const GAP = 'var(--panel)';

/** Redraws only when the slices change (the caller rounds them, so not with every tick). */
export const AllocationChart = memo(function AllocationChart({
  slices,
}: {
  slices: readonly AllocationSlice[];
}) {
  return (
    <PieChart
      responsive
      accessibilityLayer={false}
      margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
      style={{ width: '100%', height: '100%' }}
    >
      <Pie
        data={[...slices]}
        dataKey="value"
        nameKey="name"
        innerRadius="60%"
        outerRadius="100%"
        stroke={GAP}
        strokeWidth={2}
        isAnimationActive={false}
        rootTabIndex={-1}
      />
    </PieChart>
  );
});
