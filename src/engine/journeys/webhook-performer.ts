import { nextRateWindow } from '../../core/delivery/delivery-policy.js';
import type { Definition } from '../../core/definitions/definition-documents.js';
import type { Effect } from '../../core/journeys/advance-journey.js';
import type { ClaimedEffect } from '../../store/journeys/journey-effects.js';
import { webhookSignature } from '../../core/delivery/webhook-signature.js';
import { postWebhook } from '../channels/webhook-sender.js';
import { WebhookTargetRefused } from '../channels/webhook-target.js';
import type { EngineContext } from '../context.js';
import { findDefinition } from '../definitions/effective-definitions.js';
import { batchDefinitions, DeferEffect, PermanentEffectFailure, type BatchReads, type Performer } from './effect-performers.js';
import { SendsInFlight } from './sends-in-flight.js';

export interface WebhookPerformerOptions {
  /** Send to loopback and private addresses too (`TOUCHPOINT_WEBHOOK_ALLOW_PRIVATE=true`). */
  allowPrivate: boolean;
  /** How long one request may take; 10 s by default. */
  timeoutMs?: number;
}

/** Answers worth trying again: the receiver timed out, was early, overloaded or failing. */
const RETRIED = new Set([408, 425, 429]);

/**
 * The `webhook` performer: POSTs the step's `body` with the run's subject and trigger as JSON,
 * signed (`Touchpoint-Signature`, core/delivery/webhook-signature.ts) with the workspace's
 * webhook secret, with the effect's key as `Idempotency-Key` so a receiver can drop a repeat.
 *
 * A 2xx is delivered. A timeout, no connection, 408, 425, 429 or 5xx fails the attempt, which
 * the ledger retries with growing delays until it is dead (the dead-letter list,
 * `GET /api/effects?status=dead`). Any other answer — a redirect, which is not followed, or a
 * 4xx — and a refused target (a private or loopback address) are dead at once: sending the
 * same request again cannot help. The channel's rate limit puts the request off a minute;
 * requests in flight count against it.
 */
export function webhookPerformer(context: EngineContext, options: WebhookPerformerOptions): Performer<'webhook'> {
  const sending = new SendsInFlight();
  return async (effect, claim, reads) => {
    const { workspaceId } = claim;
    const { store, clock } = context;
    if (await store.delivery.message(workspaceId, effect.key)) return;
    const now = clock.now();
    const definitions = await batchDefinitions(context, reads, workspaceId);
    const policy = findDefinition(definitions, 'DeliveryPolicy');
    const limit = policy?.rateLimits.webhook?.perMinute;
    if (limit !== undefined && (await store.delivery.sentInMinute(workspaceId, 'webhook', now)) + sending.count(workspaceId) >= limit) {
      throw new DeferEffect(nextRateWindow(now), `the webhook rate limit of ${limit} a minute was reached`);
    }
    const release = sending.reserve(workspaceId);
    try {
      await post(context, options, effect, claim, { definitions, reads }, now);
    } finally {
      release();
    }
  };
}

/** Signs and sends one webhook request and logs a 2xx; throws what the ledger should make of any other answer. */
async function post(context: EngineContext, options: WebhookPerformerOptions, effect: Extract<Effect, { kind: 'webhook' }>, claim: ClaimedEffect, batch: { definitions: readonly Definition[]; reads: BatchReads }, now: number): Promise<void> {
  const { workspaceId } = claim;
  const { store, clock } = context;
  const journey = findDefinition(batch.definitions, 'Journey', claim.journeyId);
  const body = JSON.stringify({
    id: effect.key,
    type: 'journey.webhook',
    journey: { id: claim.journeyId, name: journey?.name ?? null, step: effect.stepId, runId: claim.runId },
    subject: claim.subject,
    ...(await subjectData(context, workspaceId, claim.subject)),
    trigger: claim.trigger,
    data: effect.body,
    sentAt: new Date(now).toISOString(),
  });
  const secret = await batch.reads.once(`webhook secret\u0000${workspaceId}`, () => store.delivery.secret(workspaceId, 'webhooks', () => context.ids.secret('whsec_'), now));
  const headers = { 'user-agent': 'Touchpoint-Webhooks/1', 'touchpoint-signature': webhookSignature(secret, now, body), 'idempotency-key': effect.key };
  let response;
  try {
    response = await postWebhook(effect.url, body, headers, { timeoutMs: options.timeoutMs ?? 10_000, allowPrivate: options.allowPrivate });
  } catch (error) {
    if (error instanceof WebhookTargetRefused) throw new PermanentEffectFailure(`${error.message}; set TOUCHPOINT_WEBHOOK_ALLOW_PRIVATE=true to allow it`);
    throw error;
  }
  const { status } = response;
  const answer = `HTTP ${status}${response.body ? `: ${response.body.slice(0, 300)}` : ''}`;
  if (status >= 200 && status < 300) {
    await store.delivery.log(workspaceId, {
      messageKey: effect.key, contactId: claim.subject.id, channel: 'webhook', status: 'sent', journeyId: claim.journeyId, stepId: effect.stepId, templateId: null,
      address: effect.url, subject: null, detail: `HTTP ${status}`, at: clock.now(),
    }, null);
    return;
  }
  if (status >= 500 || RETRIED.has(status)) throw new Error(`the webhook answered ${answer}`);
  throw new PermanentEffectFailure(status >= 300 && status < 400 ? `the webhook answered with a redirect (${answer}); redirects are not followed` : `the webhook refused the request: ${answer}`);
}

/** The subject as a receiver wants it: the contact or the account, with traits. */
async function subjectData(context: EngineContext, workspaceId: string, subject: { kind: 'contact' | 'account'; id: string }): Promise<Record<string, unknown>> {
  if (subject.kind === 'contact') {
    const c = await context.store.contacts.findById(workspaceId, subject.id);
    if (!c) throw new PermanentEffectFailure(`contact ${subject.id} no longer exists`);
    return { contact: { id: c.id, userId: c.userIds[0] ?? null, email: c.email, name: c.name, accounts: c.accounts, traits: c.traits } };
  }
  const a = await context.store.accounts.find(workspaceId, subject.id);
  if (!a) throw new PermanentEffectFailure(`account ${subject.id} no longer exists`);
  return { account: { groupId: a.groupId, name: a.name, plan: a.plan, mrr: a.mrr, industry: a.industry, traits: a.traits } };
}
