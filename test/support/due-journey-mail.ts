import { applyDefinitions } from '../../src/engine/definitions/apply-definitions.js';
import { startJourneyRun } from '../../src/engine/journeys/start-journey-run.js';
import type { JourneyDefinition } from '../../src/core/journeys/journey-definition.js';
import type { Store } from '../../src/store/store.js';
import type { ReceivedEmail } from '../engine/channels/smtp-sink.js';
import { TestClock, testContext } from './context.js';
import { newWorkspaceId } from './databases.js';
import { messages, newId } from './messages.js';

const DAY = 86_400_000;

/** The subject of each e-mail step, in order: what tells the two messages apart at the SMTP server. */
export const STEP_SUBJECTS = ['Welcome aboard', 'How is it going?'] as const;

// No quiet hours, cap or rate limit (the shipped policy has all three), so every message is due
// whatever the hour the test runs at; no tracking, so the bodies stay as written.
const DEFINITIONS = `kind: DeliveryPolicy
spec:
  id: default
  tracking: { opens: false, clicks: false }
---
kind: MessageTemplate
spec:
  id: welcome
  name: Welcome
  channel: email
  defaultLocale: en
  locales:
    en: { subject: "${STEP_SUBJECTS[0]}", html: "<p>Hi {{ contact.firstName }}</p>", text: "Hi {{ contact.firstName }}" }
---
kind: MessageTemplate
spec:
  id: follow-up
  name: Follow-up
  channel: email
  defaultLocale: en
  locales:
    en: { subject: "${STEP_SUBJECTS[1]}", html: "<p>Still there, {{ contact.firstName }}?</p>", text: "Still there, {{ contact.firstName }}?" }
---
kind: Journey
spec:
  id: onboarding
  name: Onboarding
  trigger: { api: {} }
  steps:
    - { id: welcome, email: { template: welcome } }
    - { id: one-day, wait: { for: { days: 1 } } }
    - { id: follow-up, email: { template: follow-up } }
`;

/** A workspace whose journey runs have every e-mail and every timer due. */
export interface DueMail {
  workspaceId: string;
  /** The contacts' addresses; each is owed one e-mail of each of `STEP_SUBJECTS`. */
  recipients: string[];
}

/**
 * Puts `count` contacts into a two-e-mail journey started two days ago, so that for a process
 * on the real clock the welcome e-mails are due and so are the one-day timers before the
 * follow-ups: a busy run that waits on nothing.
 */
export async function prepareDueMail(store: Store, count: number): Promise<DueMail> {
  const context = testContext(store, new TestClock(Date.now() - 2 * DAY));
  const workspaceId = newWorkspaceId();
  await store.workspaces.ensure(workspaceId, workspaceId, context.clock.now());
  const userIds = Array.from({ length: count }, (_, i) => `contact-${i}`);
  const recipients = userIds.map((userId) => `${userId}@customer.example`);
  await store.writeMessages(workspaceId, messages(userIds.map((userId, i) => ({ type: 'identify', userId, traits: { email: recipients[i], name: `Contact ${i}` } })), context.clock.now()), newId);
  const applied = await applyDefinitions(context, workspaceId, [{ name: 'onboarding.yaml', text: DEFINITIONS }], 'test');
  if (!applied.ok) throw new Error(`the definitions were refused: ${JSON.stringify(applied)}`);
  const journey = applied.applied.find((d) => d.kind === 'Journey')!.spec as JourneyDefinition;
  for (const userId of userIds) {
    const contact = await store.contacts.findByUserId(workspaceId, userId);
    if (!contact || !(await startJourneyRun(context, workspaceId, journey, { kind: 'contact', id: contact.id })).started) throw new Error(`${userId} did not enter the journey`);
  }
  return { workspaceId, recipients };
}

/** How far the worker got, by the effects ledger. */
export interface MailProgress {
  /** Follow-up e-mails in the ledger: each is put there when its run's timer fires. */
  timersFired: number;
  /** E-mail effects recorded done. */
  done: number;
  /** Every e-mail of every run is done. */
  complete: boolean;
}

/** Reads the ledger; throws at once if an e-mail failed, instead of letting a wait run out. */
export async function mailProgress(store: Store, due: DueMail): Promise<MailProgress> {
  const effects = await store.journeys.effects.list(due.workspaceId, { kind: 'email' });
  const broken = effects.find((e) => e.status === 'dead' || e.status === 'failed');
  if (broken) throw new Error(`e-mail ${broken.key} is ${broken.status}: ${broken.lastError}`);
  const done = effects.filter((e) => e.status === 'done').length;
  const owed = due.recipients.length * STEP_SUBJECTS.length;
  return { timersFired: effects.filter((e) => e.stepId === 'follow-up').length, done, complete: effects.length === owed && done === owed };
}

/** What an SMTP server received, against what the contacts are owed. */
export interface SinkTally {
  /** `recipient: subject` owed and never received. */
  missing: string[];
  /** `recipient: subject` received as more than one message (different Message-IDs): a duplicate send. */
  duplicated: string[];
  /** Received and not owed. */
  unexpected: string[];
  /** Copies of a message beyond its first (the same Message-ID received again): a resend. */
  resent: number;
  /** Messages by envelope sender, to tell which process sent them. */
  bySender: Record<string, number>;
}

export function tallyAtSink(received: readonly ReceivedEmail[], due: DueMail): SinkTally {
  const owed = new Set(due.recipients.flatMap((to) => STEP_SUBJECTS.map((subject) => `${to}: ${subject}`)));
  const messageIds = new Map<string, Set<string>>();
  const copies = new Map<string, number>();
  const bySender: Record<string, number> = {};
  const unexpected: string[] = [];
  for (const { envelope, mail } of received) {
    const sent = `${envelope.to.join(', ')}: ${mail.subject ?? ''}`;
    const messageId = mail.messageId ?? `(no Message-ID ${copies.size})`;
    bySender[envelope.from ?? ''] = (bySender[envelope.from ?? ''] ?? 0) + 1;
    copies.set(messageId, (copies.get(messageId) ?? 0) + 1);
    if (!owed.has(sent)) unexpected.push(sent);
    else messageIds.set(sent, (messageIds.get(sent) ?? new Set()).add(messageId));
  }
  return {
    missing: [...owed].filter((sent) => !messageIds.has(sent)),
    duplicated: [...messageIds].filter(([, ids]) => ids.size > 1).map(([sent]) => sent),
    unexpected,
    resent: [...copies.values()].reduce((n, c) => n + c - 1, 0),
    bySender,
  };
}
