/** Badge colours for request and claim states. */
export function statusColor(status: string): string {
  if (status === 'approved' || status === 'closed' || status === 'paid') return 'teal';
  if (status === 'rejected' || status === 'reversed') return 'red';
  if (status === 'partially_approved' || status === 'claimed') return 'blue';
  return 'yellow';
}
