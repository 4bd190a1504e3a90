import { openEmailSender, type ChannelConfig } from '../engine/channels/email-channel.js';
import { storeOutbox } from '../engine/channels/store-outbox.js';
import type { EngineContext } from '../engine/context.js';
import { journeyPerformers } from '../engine/journeys/journey-performers.js';
import { JourneyWorker } from '../engine/journeys/journey-worker.js';
import { journeyLookup } from '../engine/journeys/journeys-in-force.js';
import { scheduleDateTriggers } from '../engine/journeys/triggers/date-triggers.js';
import { feedWhileBehind } from '../engine/journeys/triggers/event-feed.js';

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

