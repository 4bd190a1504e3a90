import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as a real SMTP server received it: the envelope and the parsed MIME message. */
export interface ReceivedEmail {
  envelope: { from: string | null; to: string[] };
  mail: ParsedMail;
}

export interface SmtpSink extends AsyncDisposable {
  port: number;
  /** Every message accepted so far, in order. */
  received: ReceivedEmail[];
  /** The most client connections that were open at one time. */
  peakConnections(): number;
}

export interface SmtpSinkOptions {
  user: string;
  password: string;
  /** An SMTP reply code to refuse a recipient with (e.g. 550, 451), or null to accept it. */
  refuseRecipient?: (address: string) => number | null;
}

/**
 * A real SMTP server on 127.0.0.1 and a free port that keeps what it receives. It demands a
 * login, as a real relay does; without TLS, so it allows the login in plain text.
 */
export async function startSmtpSink(options: SmtpSinkOptions): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  let open = 0;
  let peak = 0;
  const server = new SMTPServer({
    logger: false,
    onConnect(_session, callback) {
      peak = Math.max(peak, ++open);
      callback();
    },
    onClose() {
      open--;
    },
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('invalid login'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const code = options.refuseRecipient?.(address.address) ?? null;
      if (code === null) callback();
      else callback(Object.assign(new Error(`recipient refused: ${address.address}`), { responseCode: code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const from = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address;
          received.push({ envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) }, mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client killed mid-session (the SIGKILL tests) resets its connection; the server reports
  // that as an 'error' event, which must not end the test process.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    peakConnections: () => peak,
    async [Symbol.asyncDispose]() {
      await new Promise<void>((resolve) => server.close(resolve));
    },
  };
}
