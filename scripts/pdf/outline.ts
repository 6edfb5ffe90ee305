import { PDFDict, PDFName, PDFNumber, PDFHexString, type PDFDocument, type PDFRef, PDFNull } from 'pdf-lib';

/** One bookmark: a heading and the page (1-based) it starts on. */
export interface Bookmark {
  title: string;
  level: number;
  page: number;
}

interface Node {
  bookmark: Bookmark;
  ref: PDFRef;
  children: Node[];
}

/** Nests the flat list of headings by level: an h3 goes under the h2 before it. */
function nest(bookmarks: Bookmark[], refs: PDFRef[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  bookmarks.forEach((bookmark, index) => {
    const node: Node = { bookmark, ref: refs[index] as PDFRef, children: [] };
    while (stack.length > 0 && (stack.at(-1) as Node).bookmark.level >= bookmark.level) stack.pop();
    const parent = stack.at(-1);
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  });
  return roots;
}

function countAll(nodes: Node[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countAll(node.children), 0);
}

/** Writes the siblings' dictionaries, linked to each other and to their parent. */
function writeLevel(doc: PDFDocument, nodes: Node[], parent: PDFRef): void {
  const pages = doc.getPages();
  nodes.forEach((node, index) => {
    const page = pages[Math.min(node.bookmark.page, pages.length) - 1];
    if (page === undefined) return;
    const dict = doc.context.obj({}) as PDFDict;
    dict.set(PDFName.of('Title'), PDFHexString.fromText(node.bookmark.title));
    dict.set(PDFName.of('Parent'), parent);
    dict.set(PDFName.of('Dest'), doc.context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
    const previous = nodes[index - 1];
    const next = nodes[index + 1];
    if (previous) dict.set(PDFName.of('Prev'), previous.ref);
    if (next) dict.set(PDFName.of('Next'), next.ref);
    const first = node.children[0];
    const last = node.children.at(-1);
    if (first && last) {
      dict.set(PDFName.of('First'), first.ref);
      dict.set(PDFName.of('Last'), last.ref);
      dict.set(PDFName.of('Count'), PDFNumber.of(countAll(node.children)));
      writeLevel(doc, node.children, node.ref);
    }
    doc.context.assign(node.ref, dict);
  });
}

/** Adds a bookmarks tree (the PDF outline) and shows it when the file opens. */
export function addOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
  if (bookmarks.length === 0) return;
  const rootRef = doc.context.nextRef();
  const refs = bookmarks.map(() => doc.context.nextRef());
  const roots = nest(bookmarks, refs);
  writeLevel(doc, roots, rootRef);
  const first = roots[0] as Node;
  const last = roots.at(-1) as Node;
  doc.context.assign(
    rootRef,
    doc.context.obj({ Type: 'Outlines', First: first.ref, Last: last.ref, Count: countAll(roots) }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
