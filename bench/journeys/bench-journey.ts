import { parseSegmentMessage } from '../../src/core/segment-messages.js';
import type { EngineContext } from '../../src/engine/context.js';
import { applyDefinitions } from '../../src/engine/definitions/apply-definitions.js';
import { DEFAULT_WORKSPACE_ID } from '../../src/store/workspaces.js';

export const WORKSPACE_ID = DEFAULT_WORKSPACE_ID;
export const JOURNEY_ID = 'bench-onboarding';
export const TRIGGER_EVENT = 'Bench Started';
/** The journey's wait, which the benchmark's clock jumps over. */
export const WAIT_MS = 60 * 60_000;
/** Contacts per account: a task needs an account to hold it. */
const CONTACTS_PER_ACCOUNT = 10;

/**
 * The journey, e-mail -> wait -> branch -> task -> e-mail, as a user would write it,
 * with a delivery policy that lets every message through at once: no quiet hours, no cap,
 * rate limits far above what one machine sends. Opens and clicks are tracked, as by default.
 */
const DEFINITIONS = `kind: MessageTemplate
spec:
  id: bench-welcome
  name: Bench welcome
  channel: email
  defaultLocale: en
  locales:
    en:
      subject: "Welcome to {{ account.name }}, {{ contact.firstName }}"
      html: "<p>Hi {{ contact.firstName }}, <a href=\\"https://example.com/start\\">start here</a>.</p>"
      text: "Hi {{ contact.firstName }}, start at https://example.com/start"
---
kind: MessageTemplate
spec:
  id: bench-follow-up
  name: Bench follow-up
  channel: email
  defaultLocale: en
  locales:
    en:
      subject: "How is it going, {{ contact.firstName }}?"
      html: "<p>Your plan is {{ contact.traits.plan }}. <a href=\\"https://example.com/guide\\">Read the guide</a>.</p>"
      text: "Your plan is {{ contact.traits.plan }}. Read the guide: https://example.com/guide"
---
kind: DeliveryPolicy
spec:
  id: default
  rateLimits: { email: { perMinute: 100000000 } }
---
kind: Journey
spec:
  id: ${JOURNEY_ID}
  name: Bench onboarding
  trigger: { event: { name: ${TRIGGER_EVENT} } }
  steps:
    - { id: welcome, email: { template: bench-welcome } }
    - { id: wait, wait: { for: { hours: 1 } } }
    - { id: check, branch: { cases: [{ when: { trait: { name: plan, op: exists } }, next: call }], otherwise: done } }
    - { id: call, task: { type: check-in, title: Call after the welcome, dueInDays: 2 } }
    - { id: follow-up, email: { template: bench-follow-up } }
    - { id: done, exit: {} }
`;

export async function applyBenchJourney(context: EngineContext): Promise<void> {
  const applied = await applyDefinitions(context, WORKSPACE_ID, [{ name: 'bench-journey.yaml', text: DEFINITIONS }], 'bench');
  if (!applied.ok) throw new Error(`the bench journey does not apply: ${JSON.stringify(applied)}`);
}

export function benchUserId(index: number): string {
  return `bench-${index}`;
}

export function benchAddress(index: number): string {
  return `bench-${index}@bench.example`;
}

/** Contacts `from`..`to` (exclusive) with an e-mail address, a plan and an account each. */
export async function loadBenchContacts(context: EngineContext, from: number, to: number): Promise<void> {
  const BATCH = 1000;
  for (let start = from; start < to; start += BATCH) {
    const raw: object[] = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++) {
      const userId = benchUserId(i);
      raw.push({ type: 'identify', userId, traits: { email: benchAddress(i), firstName: `Person ${i}`, plan: i % 3 === 0 ? 'pro' : 'free', locale: 'en' } });
      const groupId = `bench-account-${Math.floor(i / CONTACTS_PER_ACCOUNT)}`;
      raw.push({ type: 'group', userId, groupId, traits: { name: `Account ${groupId.slice('bench-account-'.length)}` } });
    }
    await write(context, raw);
  }
}

/** Ingests `Bench Started` for these contacts, in one write; resolves once it is stored. */
export async function triggerBench(context: EngineContext, indexes: readonly number[]): Promise<void> {
  await write(context, indexes.map((i) => ({ type: 'track', userId: benchUserId(i), event: TRIGGER_EVENT })));
}

async function write(context: EngineContext, raw: object[]): Promise<void> {
  const receivedAt = context.clock.now();
  const messages = raw.map((m, index) => {
    const result = parseSegmentMessage(m, { receivedAt: receivedAt + index, newMessageId: () => context.ids.id() });
    if (!result.ok) throw new Error(`bench message invalid: ${JSON.stringify(result.issues)}`);
    return result.message;
  });
  await context.store.writeMessages(WORKSPACE_ID, messages, () => context.ids.id());
}
