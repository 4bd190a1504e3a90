import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SENDS_IN_FLIGHT } from '../src/engine/channels/email-channel.js';
import { openStore, type StoreLocation } from '../src/store/open-store.js';
import { startSmtpSink } from './engine/channels/smtp-sink.js';
import { mailProgress, prepareDueMail, STEP_SUBJECTS, tallyAtSink } from './support/due-journey-mail.js';
import { pollUntil } from './support/poll-until.js';
import { createScratchDatabase } from './support/scratch-postgres.js';
import { startWorker } from './support/worker-process.js';
import { scratchDir } from './support/scratch-dir.js';

const CONTACTS = 150;
const OWED = CONTACTS * STEP_SUBJECTS.length;
/** A worker's effects performed side by side (JourneyWorker's default concurrency): a kill can catch each after its send. */
const SENDS_IN_FLIGHT = DEFAULT_SENDS_IN_FLIGHT;
/**
 * Longer than the leases a killed worker leaves behind (JourneyWorker holds a claimed run for
 * 1 minute and a claimed effect for 5): a worker whose clock runs this much later is where a
 * restart would be once they ran out, so it takes over what the dead one held.
 */
const LEASES_RUN_OUT_MS = 6 * 60_000;

interface Target extends AsyncDisposable {
  location: StoreLocation;
}

const serverUrl = process.env['TOUCHPOINT_TEST_DATABASE_URL'];
const targets: { name: string; open: () => Promise<Target> }[] = [
  { name: 'SQLite', open: async () => ({ location: { dataDir: scratchDir('worker-kill') }, async [Symbol.asyncDispose]() {} }) },
  ...(serverUrl
    ? [{
        name: 'PostgreSQL',
        open: async (): Promise<Target> => {
          const database = await createScratchDatabase(serverUrl);
          return { location: { dataDir: '', databaseUrl: database.url }, [Symbol.asyncDispose]: () => database[Symbol.asyncDispose]() };
        },
      }]
    : []),
];

for (const target of targets) {
  describe(`a touchpoint worker killed with SIGKILL on ${target.name}`, () => {
    test('restarted after a kill as its timers fire and another as it sends, it sends every due e-mail, late but once', { timeout: 180_000 }, async (t) => {
      await using place = await target.open();
      const store = await openStore(place.location);
      try {
        const due = await prepareDueMail(store, CONTACTS);
        await using sink = await startSmtpSink({ user: 'touchpoint', password: 'secret' });
        // Pooled, as an operator sending in bulk sets it up: a connection a message costs ~100 ms here.
        const smtpUrl = `smtp://touchpoint:secret@127.0.0.1:${sink.port}?pool=true`;
        const life = (n: number) =>
          startWorker({ location: place.location, smtpUrl, from: 'Onboarding <hello@acme.example>', clockShiftMs: n * LEASES_RUN_OUT_MS });

        // A pass fires every due timer before it sends: killed once the first have fired.
        {
          await using first = life(0);
          const atKill = await pollUntil('the first timers to fire', () => mailProgress(store, due), (p) => p.timersFired > 0);
          first.kill('SIGKILL');
          assert.equal((await first.exited).signal, 'SIGKILL', first.output());
          t.diagnostic(`first kill: ${atKill.timersFired} of ${CONTACTS} timers had fired, ${sink.received.length} e-mails had arrived`);
        }
        // Restarted once the dead worker's leases ran out, killed again in the middle of sending.
        {
          await using second = life(1);
          await pollUntil('a third of the e-mails to arrive', () => sink.received.length, (n) => n >= OWED / 3);
          second.kill('SIGKILL');
          assert.equal((await second.exited).signal, 'SIGKILL', second.output());
          assert.ok(sink.received.length < OWED, `killed before it sent everything (${sink.received.length} of ${OWED} had arrived)`);
          t.diagnostic(`second kill: ${sink.received.length} of ${OWED} e-mails had arrived`);
        }
        await using third = life(2);
        await pollUntil('every e-mail to be recorded done', () => mailProgress(store, due), (p) => p.complete);
        third.kill('SIGTERM');
        assert.equal((await third.exited).code, 0, third.output());

        // Checked at the SMTP server. Every message arrives, and none as two messages (two
        // Message-IDs). A message is sent again only if a worker died between the server's "250
        // accepted" and the message log's "sent": an SMTP server cannot be asked whether it has a
        // message, so that window cannot be closed. The resend carries the same Message-ID (it is
        // derived from the effect key and the contact), so receivers that drop a repeated
        // Message-ID show it once. A worker performs up to DEFAULT_SENDS_IN_FLIGHT effects side by side (its
        // default concurrency), so each kill resends at most that many.
        const tally = tallyAtSink(sink.received, due);
        assert.deepEqual(tally.missing, [], `${tally.missing.length} of ${OWED} e-mails never arrived`);
        assert.deepEqual(tally.duplicated, [], 'sent twice as different messages');
        assert.deepEqual(tally.unexpected, []);
        assert.ok(tally.resent <= 2 * SENDS_IN_FLIGHT, `${tally.resent} messages were sent again; two kills allow at most ${2 * SENDS_IN_FLIGHT}`);
        t.diagnostic(`${sink.received.length} e-mails arrived for ${OWED} owed (${tally.resent} sent again after a kill)`);
      } finally {
        await store.close();
      }
    });
  });
}
