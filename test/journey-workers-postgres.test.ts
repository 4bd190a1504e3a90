import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openStore } from '../src/store/open-store.js';
import { startSmtpSink } from './engine/channels/smtp-sink.js';
import { mailProgress, prepareDueMail, STEP_SUBJECTS, tallyAtSink } from './support/due-journey-mail.js';
import { pollUntil } from './support/poll-until.js';
import { createScratchDatabase } from './support/scratch-postgres.js';
import { startWorker } from './support/worker-process.js';

const CONTACTS = 150;
const OWED = CONTACTS * STEP_SUBJECTS.length;
const serverUrl = process.env['TOUCHPOINT_TEST_DATABASE_URL'];

describe('two touchpoint worker processes on one PostgreSQL', { skip: serverUrl ? false : 'needs TOUCHPOINT_TEST_DATABASE_URL' }, () => {
  test('sharing the same due journeys, they send every e-mail once: none twice, none missing', { timeout: 180_000 }, async (t) => {
    await using database = await createScratchDatabase(serverUrl!);
    const location = { dataDir: '', databaseUrl: database.url };
    await using sink = await startSmtpSink({ user: 'touchpoint', password: 'secret' });
    const smtpUrl = `smtp://touchpoint:secret@127.0.0.1:${sink.port}?pool=true`;
    // Each sends as its own address, so the server shows who sent what; the Message-ID's domain is the same.
    await using a = startWorker({ location, smtpUrl, from: 'Onboarding <worker-a@acme.example>' });
    await using b = startWorker({ location, smtpUrl, from: 'Onboarding <worker-b@acme.example>' });
    // Both start on an empty database and migrate it at once, as two freshly deployed workers do.
    await Promise.all([a.ready, b.ready]);

    const store = await openStore(location);
    try {
      // The work arrives while both are running, so both take part from the first due run.
      const due = await prepareDueMail(store, CONTACTS);
      await pollUntil('every e-mail to be recorded done', () => mailProgress(store, due), (p) => p.complete);
      for (const worker of [a, b]) worker.kill('SIGTERM');
      for (const worker of [a, b]) assert.equal((await worker.exited).code, 0, worker.output());

      // Without a kill there is no window for a resend: exactly once, at the SMTP server.
      const tally = tallyAtSink(sink.received, due);
      assert.deepEqual(tally.missing, [], `${tally.missing.length} of ${OWED} e-mails never arrived`);
      assert.deepEqual(tally.duplicated, [], 'sent twice as different messages');
      assert.equal(tally.resent, 0, 'the same message sent twice');
      assert.deepEqual(tally.unexpected, []);
      assert.equal(sink.received.length, OWED);
      const bySender = tally.bySender;
      assert.ok((bySender['worker-a@acme.example'] ?? 0) > 0 && (bySender['worker-b@acme.example'] ?? 0) > 0, `both workers sent: ${JSON.stringify(bySender)}`);
      t.diagnostic(`sent by each worker: ${JSON.stringify(bySender)}`);
    } finally {
      await store.close();
    }
  });
});
