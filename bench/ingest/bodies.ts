/**
 * The events the benchmark sends, prepared in full before any clock starts: track calls of
 * B2B product usage, ~20 users per account, `context.groupId` set, properties of ~60 bytes,
 * and a unique `messageId` each so that nothing is deduplicated away.
 */

const EVENT_NAMES = ['Feature Used', 'Report Exported', 'Dashboard Viewed', 'Invite Sent', 'Search Performed', 'Email Opened'];
const FEATURES = ['dashboards', 'segments', 'journeys', 'exports', 'alerts'];
const USERS_PER_ACCOUNT = 20;
const ACCOUNTS = 50;

export interface TrackEvent {
  type: 'track';
  messageId: string;
  userId: string;
  event: string;
  timestamp: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
}

/** Event number `n` of a run; `prefix` keeps message ids unique across phases. */
export function trackEvent(prefix: string, n: number): TrackEvent {
  const account = n % ACCOUNTS;
  const user = Math.floor(n / ACCOUNTS) % USERS_PER_ACCOUNT;
  return {
    type: 'track',
    messageId: `${prefix}-${n}`,
    userId: `user-${account}-${user}`,
    event: EVENT_NAMES[n % EVENT_NAMES.length]!,
    timestamp: new Date(Date.UTC(2026, 0, 1) + n * 1_000).toISOString(),
    // About 60 bytes of JSON.
    properties: { feature: FEATURES[n % FEATURES.length], durationMs: 100 + (n % 9_000), source: 'web-app' },
    context: { groupId: `account-${account}`, library: { name: 'analytics-node', version: '3.1.0' } },
  };
}

/** `/v1/batch` bodies of `perBatch` events each. */
export function batchBodies(prefix: string, batches: number, perBatch: number): Buffer[] {
  return Array.from({ length: batches }, (_, b) =>
    Buffer.from(JSON.stringify({ batch: Array.from({ length: perBatch }, (_, i) => trackEvent(prefix, b * perBatch + i)) })),
  );
}

/** `/v1/track` bodies, one event each. */
export function trackBodies(prefix: string, count: number): Buffer[] {
  return Array.from({ length: count }, (_, n) => Buffer.from(JSON.stringify(trackEvent(prefix, n))));
}

/** An import file: one message a line. */
export function ndjson(prefix: string, count: number): string {
  let text = '';
  for (let n = 0; n < count; n++) text += JSON.stringify(trackEvent(prefix, n)) + '\n';
  return text;
}
