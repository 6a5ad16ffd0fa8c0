import type { Channel } from "../config/index.js";

/**
 * The secrets a channel's config holds: the SMTP URL's password (and the URL, which carries it),
 * a webhook's secret. A message that may repeat them (an error from a library) is cleaned of
 * them before it is logged or stored.
 */
function secretsOf(channel: Channel): string[] {
  if (channel.type === "webhook") return [channel.secret];
  const out = [channel.smtp];
  try {
    const url = new URL(channel.smtp);
    if (url.password) out.push(url.password, decodeURIComponent(url.password));
  } catch {
    // The schema let only URLs through; nothing to add.
  }
  return out;
}

export function redact(text: string, channel: Channel): string {
  let out = text;
  for (const secret of secretsOf(channel).sort((a, b) => b.length - a.length)) {
    if (secret.length > 0) out = out.split(secret).join("***");
  }
  return out;
}
