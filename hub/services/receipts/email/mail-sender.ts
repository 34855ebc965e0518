import nodemailer from 'nodemailer';
import type { SmtpConnection } from './smtp-settings.js';

export interface OutgoingMail {
  to: string;
  /** The display name of the sender (the store's name); the address is the settings' `from`. */
  fromName: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends one mail; rejects with the transport's error (refused, unreachable, bad login, timeout). */
export type MailSender = (connection: SmtpConnection, mail: OutgoingMail) => Promise<{ messageId: string }>;

// A till waits for the answer: a mail server that does not answer must not hold the cashier for minutes.
const CONNECT_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 20_000;

/** SMTP through nodemailer, one connection per mail (a till sends a few an hour, not a stream). */
export const sendBySmtp: MailSender = async (connection, mail) => {
  const transport = nodemailer.createTransport({
    host: connection.host,
    port: connection.port,
    secure: connection.secure,
    ...(connection.user === null ? {} : { auth: { user: connection.user, pass: connection.password ?? '' } }),
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({
      from: { name: mail.fromName, address: connection.from },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    return { messageId: info.messageId };
  } finally {
    transport.close();
  }
};
