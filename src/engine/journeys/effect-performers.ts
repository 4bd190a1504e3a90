import type { Effect } from '../../core/journeys/advance-journey.js';
import type { ClaimedEffect } from '../../store/journeys/journey-effects.js';
import type { Definition } from '../../core/definitions/definition-documents.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import type { Store } from '../../store/store.js';
import { BatchRecords } from './batch-records.js';

/**
 * Performs one kind of effect. A performer may be called more than once for the same effect
 * (the process died after performing it, before recording it), so it must be idempotent by
 * `effect.key`: an e-mail uses it as its Message-ID, a webhook sends it as an idempotency
 * key, a task is created under it. Throwing fails the attempt: it is retried with backoff,
 * unless the error is a `PermanentEffectFailure`.
 */
export type Performer<K extends Effect['kind']> = (effect: Extract<Effect, { kind: K }>, claim: ClaimedEffect, reads: BatchReads) => Promise<void>;

/**
 * Reads the effects of one claimed batch share, each made once for the batch — the
 * definitions in force, a workspace's link and webhook secrets — as the worker looks a journey up once per
 * pass. A batch is performed within its lease, so a definition changed meanwhile is in force
 * from the next batch on. A read that fails is made again by the next effect that asks.
 * The contacts and accounts the batch's effects name are read together too (`records`).
 */
export class BatchReads {
  readonly #made = new Map<string, Promise<unknown>>();
  #records: BatchRecords | undefined;

  constructor(private readonly claims: readonly ClaimedEffect[] = []) {}

  /** The batch's contacts and accounts, read together from `store` the first time one is asked for. */
  records(store: Store): BatchRecords {
    return (this.#records ??= new BatchRecords(store, this.claims));
  }

  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let made = this.#made.get(key) as Promise<T> | undefined;
    if (!made) {
      made = read();
      this.#made.set(key, made);
      made.catch(() => this.#made.delete(key));
    }
    return made;
  }
}

/** The definitions in force in the workspace, read once for the batch. */
export function batchDefinitions(context: EngineContext, reads: BatchReads, workspaceId: string): Promise<Definition[]> {
  return reads.once(`definitions\u0000${workspaceId}`, () => effectiveDefinitions(context, workspaceId));
}

/** One performer per effect kind; the worker calls the one the effect names. */
export interface EffectPerformers {
  email: Performer<'email'>;
  'in-app': Performer<'in-app'>;
  webhook: Performer<'webhook'>;
  task: Performer<'task'>;
  'set-trait': Performer<'set-trait'>;
  'change-model': Performer<'change-model'>;
}

/** An effect that can never succeed (its subject is gone, say): retrying is pointless, it is dead at once. */
export class PermanentEffectFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEffectFailure';
  }
}

/**
 * An effect that may not be performed now but will be later — the contact's quiet hours, a
 * channel's rate limit: due again at `until`, without counting as a failed attempt. What the
 * performer did before deferring (a message to another contact of the account) must be
 * recognisable when it runs again, as after a crash.
 */
export class DeferEffect extends Error {
  constructor(
    readonly until: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'DeferEffect';
  }
}

/** Calls the performer for the claim's effect, with the reads its batch shares. */
export function perform(performers: EffectPerformers, claim: ClaimedEffect, reads: BatchReads): Promise<void> {
  const effect = claim.effect;
  switch (effect.kind) {
    case 'email':
      return performers.email(effect, claim, reads);
    case 'in-app':
      return performers['in-app'](effect, claim, reads);
    case 'webhook':
      return performers.webhook(effect, claim, reads);
    case 'task':
      return performers.task(effect, claim, reads);
    case 'set-trait':
      return performers['set-trait'](effect, claim, reads);
    case 'change-model':
      return performers['change-model'](effect, claim, reads);
    default:
      return effect satisfies never;
  }
}

/**
 * The performers that only write to the store: `task` creates the task under the effect's
 * key (so a second call creates nothing), on the subject's account — a contact's first
 * account — for the account's owner; `set-trait` sets the trait on the subject. `changed`
 * hears of subjects whose traits changed, for segment refreshes.
 */
export function storePerformers(
  context: EngineContext,
  changed: (workspaceId: string, subject: ClaimedEffect['subject']) => void = () => {},
): Pick<EffectPerformers, 'task' | 'set-trait'> {
  return {
    async task(effect, claim, reads) {
      const groupId = claim.subject.kind === 'account' ? claim.subject.id : (await reads.records(context.store).contact(claim.workspaceId, claim.subject.id))?.accounts[0];
      if (!groupId) throw new PermanentEffectFailure(`contact ${claim.subject.id} belongs to no account to hold the task`);
      const owner = await context.store.team.owner(claim.workspaceId, groupId);
      await context.store.tasks.create(
        claim.workspaceId,
        [{ id: context.ids.id(), key: effect.key, groupId, templateId: null, type: effect.type, title: effect.title, description: null, dueAt: effect.dueAt, ownerId: owner?.memberId ?? null, createdBy: `journey ${claim.journeyId}` }],
        context.clock.now(),
      );
    },
    async 'set-trait'(effect, claim, reads) {
      reads.records(context.store).forget(claim.workspaceId, claim.subject);
      if (!(await context.store.journeys.setTrait(claim.workspaceId, claim.subject, effect.name, effect.value, context.clock.now()))) {
        throw new PermanentEffectFailure(`${claim.subject.kind} ${claim.subject.id} no longer exists`);
      }
      changed(claim.workspaceId, claim.subject);
    },
  };
}
