/**
 * Links that do not track: a printed link or QR code outlives the campaign
 * that made it, and its tracking parameters tell the site where each reader
 * came from (utm_*, fbclid, gclid, mc_eid, igshid …); a link shortener logs
 * every visit before it sends the reader on. Both get a warning at the link's
 * place, with the clean address when there is one. Nothing is fetched: a
 * shortened link's real address is the author's to find.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from './messages.ts';

/** Parameters that only say where a reader came from. */
const TRACKING = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'epik',
  'mc_eid', 'mc_cid', 'igshid', 'igsh', '_ga', '_gl', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking',
  'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv', 'rb_clickid', 's_cid', 'srsltid', 'ref_src', 'ref_url', 'trk', 'wickedid',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'piwik_', 'matomo_', 'stm_'];
/** Parameters that track only on the sites that set them: a share's id. */
const TRACKING_ON: Record<string, readonly string[]> = { si: ['youtube.com', 'youtu.be', 'spotify.com'], feature: ['youtube.com', 'youtu.be'] };

/** Link shorteners: each visit is counted by them before the reader gets anywhere. */
const SHORTENERS = new Set([
  'bit.ly', 'bitly.com', 'j.mp', 't.co', 'tinyurl.com', 'goo.gl', 'ow.ly', 'buff.ly', 'is.gd', 'v.gd', 'rebrand.ly', 'cutt.ly',
  'shorturl.at', 't.ly', 'lnkd.in', 'fb.me', 'dlvr.it', 'trib.al', 's.id', 'rb.gy', 'tiny.cc', 'bl.ink', 'soo.gd', 'shorte.st',
  'adf.ly', 'amzn.to', 'amzn.eu', 'ift.tt', 'hubs.ly', 'mailchi.mp', 'eepurl.com', 'lnk.to', 'snip.ly', 'qrco.de', 'urlz.fr', 'y2u.be',
]);

/** Why the address tracks its readers, and its clean form; undefined when it does not. */
export function trackingProblem(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (SHORTENERS.has(host)) {
    return `\`${address.trim()}\` goes through the link shortener ${host}, which logs every reader who follows it; link to the address it leads to instead`;
  }
  const onHost = (sites: readonly string[]) => sites.some((site) => host === site || host.endsWith(`.${site}`));
  const found = [...url.searchParams.keys()].filter((key) => {
    const name = key.toLowerCase();
    return TRACKING.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix)) || onHost(TRACKING_ON[name] ?? []);
  });
  if (found.length === 0) return undefined;
  for (const key of new Set(found)) url.searchParams.delete(key);
  const clean = url.href.replace(/\?(?=#|$)/, '');
  return `\`${address.trim()}\` carries tracking parameters (${[...new Set(found)].join(', ')}) that tell the site where each reader came from; use the clean address ${clean}`;
}

/** Warns at every link and definition whose address tracks its readers. */
export function remarkTrackingLinks() {
  return (tree: Root, file: VFile): void => {
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const problem = trackingProblem(node.url);
      if (problem !== undefined) warn(file, `link ${problem}`, node.position, 'tracking');
    });
    const url = file.data.frontMatter?.url;
    const problem = url === undefined ? undefined : trackingProblem(url);
    if (problem !== undefined) {
      const places = file.data.frontMatterPlaces;
      warn(file, `front matter: \`url\` (the QR code) ${problem}`, places?.keys['url'] ?? places?.block, 'tracking');
    }
  };
}
