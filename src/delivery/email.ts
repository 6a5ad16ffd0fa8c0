import { createTransport } from "nodemailer";
import type { Channel } from "../config/index.js";

type EmailChannel = Extract<Channel, { type: "email" }>;

export interface MailMessage {
  subject: string;
  text: string;
  html?: string;
}

/**
 * Sends one message through the channel's SMTP server (smtps:// is TLS from the start; smtp://
 * upgrades with STARTTLS when the server offers it). Every wait is bounded by the channel's
 * timeout, so a server that accepts and says nothing fails the attempt instead of holding it.
 */
export async function sendMail(
  channel: EmailChannel,
  message: MailMessage,
  deliveryId: string,
): Promise<void> {
  const transport = createTransport({
    url: channel.smtp,
    connectionTimeout: channel.timeout,
    greetingTimeout: channel.timeout,
    socketTimeout: channel.timeout,
    dnsTimeout: channel.timeout,
  });
  try {
    await transport.sendMail({
      from: channel.from,
      to: channel.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { "X-Wirewatch-Delivery": deliveryId },
    });
  } finally {
    transport.close();
  }
}
