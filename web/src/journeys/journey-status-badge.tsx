import type { JourneyStatus } from './journeys-api';

export function JourneyStatusBadge({ status }: { status: JourneyStatus }) {
  return <span className={`pill ${status === 'active' ? 'pill-green' : 'pill-amber'}`}>{status === 'active' ? 'Active' : 'Paused'}</span>;
}
