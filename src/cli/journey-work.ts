import { setTimeout as sleep } from 'node:timers/promises';
import { openEmailSender, type ChannelConfig } from '../engine/channels/email-channel.js';
import { storeOutbox } from '../engine/channels/store-outbox.js';
import type { EngineContext } from '../engine/context.js';
import { journeyPerformers } from '../engine/journeys/journey-performers.js';
import { JourneyWorker } from '../engine/journeys/journey-worker.js';
import { journeyLookup } from '../engine/journeys/journeys-in-force.js';
import { scheduleDateTriggers } from '../engine/journeys/triggers/date-triggers.js';
import { feedJourneys } from '../engine/journeys/triggers/event-feed.js';

/** How long one worker pass may keep feeding events to journeys before it turns to due runs and effects. */
const FEED_BUDGET_MS = 250;
/** How long to wait before looking again at event writes that were under way. */
const WRITERS_WAIT_MS = 5;

/** Date triggers read every subject holding the trait; once a minute is enough for "days before". */
const DATE_TRIGGERS_EVERY_MS = 60_000;

export interface JourneyWork extends AsyncDisposable {
  worker: JourneyWorker;
}

/**
 * Starts journey work in this process: the event feed and date triggers bring inputs, the
 * worker advances due runs and performs effects — e-mail over SMTP when `channels.smtpUrl` is
 * set, else into the outbox kept in the Store. Disposing stops it after the pass under way.
 */
export function startJourneyWork(context: EngineContext, channels: ChannelConfig): JourneyWork {
  const sender = openEmailSender(channels, storeOutbox(context.store, context.clock));
  let datesAt = -Infinity;
  const worker = new JourneyWorker(context, {
    ...(channels.sendsInFlight !== undefined ? { concurrency: channels.sendsInFlight } : {}),
    journeys: journeyLookup(context),
    performers: journeyPerformers(context, sender, { publicUrl: channels.publicUrl, webhooks: { allowPrivate: channels.allowPrivateWebhooks } }),
    feeds: [
      () => feedWhileBehind(context),
      async () => {
        if (context.clock.now() - datesAt < DATE_TRIGGERS_EVERY_MS) return 0;
        datesAt = context.clock.now();
        await scheduleDateTriggers(context);
        return 0;
      },
    ],
  });
  worker.start();
  return {
    worker,
    async [Symbol.asyncDispose]() {
      await worker.stop();
      await sender[Symbol.asyncDispose]();
    },
  };
}

/**
 * Feeds events to journeys until caught up, within `FEED_BUDGET_MS` of real time (not the
 * engine's clock, which a benchmark or test may move): a backlog of events then starts its runs
 * at the feed's pace rather than one batch per worker pass, which also performs effects. Event
 * writes under way (PostgreSQL) are waited for briefly, since they commit within moments; a
 * cursor another worker holds ends the feeding, as that worker is feeding.
 */
async function feedWhileBehind(context: EngineContext): Promise<number> {
  const until = performance.now() + FEED_BUDGET_MS;
  let fed = 0;
  for (;;) {
    const pass = await feedJourneys(context);
    fed += pass.events;
    if (pass.caughtUp || performance.now() >= until) return fed;
    if (pass.awaitingWriters) await sleep(WRITERS_WAIT_MS);
    else if (pass.events === 0) return fed;
  }
}
