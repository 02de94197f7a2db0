// URL normalisation: one spelling per page, so the frontier never holds a page twice.

/**
 * Lower-case scheme and host, default port dropped, fragment dropped, `./` and
 * `../` resolved, empty query dropped. The path keeps its case: Founder servers
 * serve `node_2.htm` and `Node_2.htm` differently on case-sensitive hosts.
 */
export function normaliseUrl(href: string, base?: string): string | undefined {
  let u: URL;
  try {
    u = new URL(href.trim(), base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  if (u.search === '?') u.search = '';
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  return u.toString();
}

/** Whether `url` is on one of the hosts a source may fetch from (host:port as in the URL). */
export function onHosts(url: string, hosts: Set<string>): boolean {
  try {
    return hosts.has(new URL(url).host.toLowerCase());
  } catch {
    return false;
  }
}
