const ADDRESS = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`]+/gi;

/**
 * Web addresses in feed text written the way threat reports write them (hxxps://host[.]tld/…),
 * so that no Markdown viewer, mail client or chat turns them into links: only an article's own
 * address, checked, is a link in a digest.
 */
export function defang(text: string): string {
  return text.replace(ADDRESS, (address) => {
    const scheme = /^[a-z]+:\/\//i.exec(address)?.[0] ?? "";
    const rest = address.slice(scheme.length);
    const slash = rest.search(/[/?#]/);
    const host = slash < 0 ? rest : rest.slice(0, slash);
    const path = slash < 0 ? "" : rest.slice(slash);
    const safeScheme = scheme.replace(/^http/i, "hxxp").replace(/^ftp/i, "fxp");
    return `${safeScheme}${host.replaceAll(".", "[.]")}${path}`;
  });
}
