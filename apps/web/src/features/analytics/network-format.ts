// Colours and number formats the network dashboard's cards share.
import type { NetworkReport } from '../../api/analytics';

export const PALETTE = ['blue', 'orange', 'teal', 'grape', 'red', 'lime', 'cyan', 'pink', 'yellow', 'violet'];
export const OTHER = 'gray';
/** Clusters beyond the largest ten share one colour: a legend of forty swatches helps no one. */
export const COLOURED_CLUSTERS = PALETTE.length;

export type ColourBy = 'type' | 'cluster';
export type Graph = NonNullable<NetworkReport['graph']>;

const month = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
export const monthLabel = (ym: string) => month.format(new Date(`${ym}-01T00:00:00Z`));
export const percent = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);
export const pagerank = (v: number) => v.toFixed(4);
