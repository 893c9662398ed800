/**
 * When a won or lost deal stopped being open: the end of its close date (a
 * calendar day, metrics.md). At the end of the day before, it was still open;
 * at the end of the close date, it is won or lost, never both open and closed.
 */
export const endOfCloseDate = (closeDate: string) =>
  new Date(Date.parse(`${closeDate}T00:00:00Z`) + 86_400_000);
