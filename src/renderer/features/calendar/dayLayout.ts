/**
 * Where timed events sit in one day column of the time grid: top and height from their wall
 * minutes, and side-by-side columns where they overlap. Events that overlap one another directly
 * or through a chain form a cluster; each takes the first column free at its start, and every
 * event of a cluster shares the cluster's column count (the layout Outlook and Google Calendar use).
 */

export interface DaySegment {
  id: string;
  /** Minutes since the day's local midnight, 0…1440. */
  startMin: number;
  endMin: number;
}

export interface PlacedSegment extends DaySegment {
  column: number;
  columns: number;
}

/** An event shorter than this still gets this much room, and is laid out as if it were this long. */
export const minVisibleMinutes = 20;

export function layoutDay(segments: readonly DaySegment[]): PlacedSegment[] {
  const sorted = [...segments].sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin || a.id.localeCompare(b.id));
  const placed: PlacedSegment[] = [];
  let cluster: PlacedSegment[] = [];
  let columnEnds: number[] = [];
  let clusterEnd = -Infinity;
  const closeCluster = () => {
    for (const segment of cluster) segment.columns = columnEnds.length;
    placed.push(...cluster);
    cluster = [];
    columnEnds = [];
  };
  for (const segment of sorted) {
    const visibleEnd = Math.max(segment.endMin, segment.startMin + minVisibleMinutes);
    if (segment.startMin >= clusterEnd) closeCluster();
    let column = columnEnds.findIndex((end) => end <= segment.startMin);
    if (column < 0) column = columnEnds.length;
    columnEnds[column] = visibleEnd;
    cluster.push({ ...segment, column, columns: 0 });
    clusterEnd = cluster.length === 1 ? visibleEnd : Math.max(clusterEnd, visibleEnd);
  }
  closeCluster();
  return placed;
}

/** CSS position of a placed segment inside its day column, in percent. */
export function segmentBox(segment: PlacedSegment): { top: number; height: number; left: number; width: number } {
  const end = Math.max(segment.endMin, segment.startMin + minVisibleMinutes);
  return {
    top: (segment.startMin / 1440) * 100,
    height: ((Math.min(end, 1440) - segment.startMin) / 1440) * 100,
    left: (segment.column / segment.columns) * 100,
    width: 100 / segment.columns,
  };
}

/** The slot (of `slotMinutes`) a vertical position falls in; `fraction` is 0…1 down the day. */
export function slotAt(fraction: number, slotMinutes: number): number {
  const slots = 1440 / slotMinutes;
  return Math.max(0, Math.min(slots - 1, Math.floor(fraction * slots)));
}
