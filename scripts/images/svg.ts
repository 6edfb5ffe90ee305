/**
 * An SVG is printed as a picture: nothing in it may run or fetch. It is
 * parsed as XML (@xmldom/xmldom; a file that is not well-formed is refused)
 * and written anew from what the allowlist keeps (svg-allowlist.ts): the
 * elements that draw and the attributes that say how. A script in any
 * namespace, HTML, an event handler, an animation of a link, a reference to
 * anything outside the file and CSS that hides what it does with escapes or
 * imports refuse the image, with its line and column in the SVG. Metadata,
 * titles, comments, editors' data and animation are dropped and named.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { CleanedImage } from './clean.ts';
import { ATTRIBUTES, DROPPED, ELEMENTS, SVG_NS, XLINK_NS, XML_NS, isEditorNamespace, isInternalReference } from './svg-allowlist.ts';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Thrown inside the walk: the image is refused. */
class Refused extends Error {}

export function cleanSvg(text: string): CleanedImage | { problem: string } {
  if (/<!ENTITY/i.test(text)) return { problem: 'is an SVG that declares entities; remove them' };
  let root: Element | null;
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Refused(message);
      },
    });
    root = parser.parseFromString(text.replace(/^\uFEFF/, ''), 'image/svg+xml').documentElement;
  } catch (error) {
    const said = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim();
    return { problem: `is an SVG that is not well-formed XML (${said}); save it again from a drawing program` };
  }
  if (!root || root.localName !== 'svg' || (root.namespaceURI !== SVG_NS && root.namespaceURI !== null)) {
    return { problem: 'is not an image (use PNG, JPEG, GIF, WebP or SVG)' };
  }
  const removed = new Set<string>();
  const noNamespace = root.namespaceURI === null;
  try {
    const body = element(root, { removed, noNamespace }, true);
    return { bytes: new TextEncoder().encode(body), removed: [...removed] };
  } catch (error) {
    if (error instanceof Refused) return { problem: error.message };
    throw error;
  }
}

interface Walk {
  removed: Set<string>;
  /** The file has no SVG namespace at all: unprefixed elements are taken as SVG. */
  noNamespace: boolean;
}

function element(node: Element, walk: Walk, isRoot = false): string {
  const name = node.localName ?? node.nodeName;
  const namespace = node.namespaceURI;
  const at = where(node);
  if (name.toLowerCase() === 'script') throw new Refused(`is an SVG with a script in it at ${at}; remove the script`);
  if (name === 'foreignObject' || /xhtml/i.test(namespace ?? '')) throw new Refused(`is an SVG with HTML in it at ${at}; remove it`);
  const isSvg = namespace === SVG_NS || (walk.noNamespace && namespace === null);
  if (!isSvg) {
    if (!isEditorNamespace(namespace)) throw new Refused(`is an SVG with an element <${node.nodeName}> that is not SVG at ${at}; remove it`);
    walk.removed.add('drawing program’s data');
    return '';
  }
  if (name === 'set' || name.startsWith('animate')) {
    const target = node.getAttribute('attributeName') ?? '';
    if (/(^|:)href$/i.test(target.trim())) throw new Refused(`is an SVG that animates a link (<${name} attributeName="${target}">) at ${at}; remove it`);
  }
  const dropped = DROPPED[name];
  if (dropped !== undefined) {
    walk.removed.add(dropped);
    return '';
  }
  if (!ELEMENTS.has(name)) throw new Refused(`is an SVG with an element <${name}> Zinepress does not print at ${at}; remove it`);
  const attributes = [isRoot ? ` xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}"` : ''];
  for (let i = 0; i < node.attributes.length; i++) {
    const attribute = node.attributes.item(i);
    if (attribute) attributes.push(keptAttribute(attribute.namespaceURI, attribute.localName ?? attribute.name, attribute.name, attribute.value, name, at, walk));
  }
  let inside = '';
  for (let child: Node | null = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) inside += element(child as Element, walk);
    else if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
      const value = child.nodeValue ?? '';
      if (name === 'style') cssProblem(value, at);
      inside += escape(value);
    } else if (child.nodeType === 8) walk.removed.add('comment');
  }
  return `<${name}${attributes.join('')}>${inside}</${name}>`;
}

function keptAttribute(namespace: string | null, name: string, qualified: string, value: string, element: string, at: string, walk: Walk): string {
  if (/^on/i.test(name)) throw new Refused(`is an SVG with an event handler (${name}) at ${at}; remove it`);
  if (qualified === 'xmlns' || qualified.startsWith('xmlns:')) return '';
  if (/url\s*\(/i.test(value) || name === 'style') cssProblem(value, at);
  const isLink = name === 'href' && (namespace === null || namespace === XLINK_NS);
  if (isLink && !isInternalReference(value)) {
    throw new Refused(`is an SVG that refers to \`${value.trim()}\` outside itself (<${element}>) at ${at}; embed it or remove the reference`);
  }
  if (namespace === XML_NS && (name === 'space' || name === 'lang')) return ` xml:${name}="${escape(value)}"`;
  if (isLink) return ` href="${escape(value)}"`;
  if (namespace === null && ATTRIBUTES.has(name)) return ` ${name}="${escape(value)}"`;
  walk.removed.add(isEditorNamespace(namespace) ? 'drawing program’s data' : 'attributes that do not draw');
  return '';
}

/** CSS in a style sheet or attribute may not hide what it does, nor fetch anything. */
function cssProblem(css: string, at: string): void {
  if (css.includes('\\')) throw new Refused(`is an SVG whose CSS uses escapes (\\), which can hide what it does, at ${at}; write it plainly`);
  if (/@import/i.test(css)) throw new Refused(`is an SVG whose CSS imports another file at ${at}; remove the @import`);
  const urls = [...css.matchAll(/url\s*\(\s*(["']?)([^"')]*)\1\s*\)/gi)];
  if (urls.length !== (css.match(/url\s*\(/gi) ?? []).length) throw new Refused(`is an SVG whose CSS has a url( that cannot be read plainly at ${at}; write it plainly`);
  for (const match of urls) {
    const target = match[2] ?? '';
    if (!isInternalReference(target)) throw new Refused(`is an SVG that refers to \`${target.trim()}\` outside itself at ${at}; embed it or remove the reference`);
  }
  if (/(image-set|src)\s*\(/i.test(css)) throw new Refused(`is an SVG whose CSS loads images at ${at}; remove it`);
}

function where(node: Node): string {
  return node.lineNumber === undefined ? 'its root' : `line ${node.lineNumber}, column ${node.columnNumber ?? 1} of the SVG`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
