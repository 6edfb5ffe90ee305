/**
 * The page the preview server shows: the warnings of the last layout, the
 * reading edition's pages in a frame, every other format's pages and sheets
 * under them, and a line for a problem in the source. It listens on /events:
 * `pages` updates the frame (in place where only pages changed) and the
 * warnings, `warnings` the warnings, `formats` the other formats' pictures and the warnings, `problem`
 * shows the message (file:line:col: reason) until the next good save.
 */
export function viewerHtml(title: string): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Preview: ${escaped}</title>
<link rel="icon" href="data:,">
<style>
body { margin: 0; font: 15px/1.4 system-ui, sans-serif; background: #e8e8e8; }
header { position: sticky; top: 0; background: #222; color: #fff; padding: .5rem 1rem; display: flex; gap: 1rem; align-items: baseline; z-index: 1; }
#status { color: #bbb; }
#problem { display: none; margin: 0; padding: 1rem; background: #fdd; color: #700; white-space: pre-wrap; font: 14px/1.4 monospace; }
#problem.shown { display: block; }
#warnings { margin: 0; padding: .5rem 1rem; background: #fff4d6; color: #5a4100; border-bottom: 1px solid #e0c879; }
#warnings[hidden] { display: none; }
#warnings h2 { margin: 0; font-size: 1rem; }
#warnings ul { margin: .25rem 0 0; padding-inline-start: 1.25rem; font: 13px/1.4 monospace; max-height: 9rem; overflow: auto; }
iframe { display: block; width: 100%; height: 80vh; border: 0; background: #6f6f6f; }
iframe[hidden] { display: none; }
#formats { background: #6f6f6f; padding: .5rem 1rem 1rem; color: #fff; }
#formats h2 { font-size: 1rem; margin: 1rem 0 .5rem; }
#formats p { margin: 0 0 .5rem; color: #eee; }
#formats .row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
#formats img { display: block; background: #fff; box-shadow: 0 2px 6px #000a; }
</style>
</head>
<body>
<header><strong>${escaped}</strong><span id="status">laying out…</span></header>
<pre id="problem" role="alert"></pre>
<section id="warnings" hidden><h2></h2><ul></ul></section>
<iframe id="pages" title="The reading edition, laid out"></iframe>
<div id="formats"></div>
<script>
const frame = document.getElementById('pages');
const status = document.getElementById('status');
const problem = document.getElementById('problem');
const formats = document.getElementById('formats');
const warnings = document.getElementById('warnings');
// The warnings of the last good layout: each a file:line:col line; the list goes when they do.
function showWarnings(lines) {
  warnings.hidden = lines.length === 0;
  warnings.querySelector('h2').textContent = lines.length === 1 ? '1 warning' : lines.length + ' warnings';
  warnings.querySelector('ul').replaceChildren(...lines.map((line) => {
    const item = document.createElement('li');
    item.textContent = line;
    return item;
  }));
}
function keepScroll(load) {
  const y = frame.contentWindow ? frame.contentWindow.scrollY : 0;
  frame.addEventListener('load', () => frame.contentWindow.scrollTo(0, y), { once: true });
  load();
}
const events = new EventSource('/events');
events.addEventListener('pages', (event) => {
  const data = JSON.parse(event.data);
  problem.classList.remove('shown');
  problem.textContent = '';
  status.textContent = data.pages === 0 ? 'laid out in ' + data.ms + ' ms' : data.pages + ' pages, laid out in ' + data.ms + ' ms';
  showWarnings(data.warnings);
  frame.hidden = data.pages === 0;
  if (data.pages === 0) return;
  showPages(data.version).then(() => { document.body.dataset.version = data.version; });
});
// A new layout with the same styles changes the pages that differ, in place:
// the frame keeps its place and does not set the pages that stay again.
async function showPages(version) {
  const url = '/doc/pages.html?v=' + version;
  const doc = frame.contentDocument;
  const old = doc && doc.querySelector('.pagedjs_pages');
  const next = old && new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
  const pages = next && next.querySelector('.pagedjs_pages');
  if (!pages || next.head.innerHTML !== doc.head.innerHTML) {
    keepScroll(() => { frame.src = url; });
    return;
  }
  const before = [...old.children];
  [...pages.children].forEach((page, i) => {
    const was = before[i];
    if (was && was.outerHTML === page.outerHTML) return;
    const copy = doc.importNode(page, true);
    if (was) was.replaceWith(copy);
    else old.append(copy);
  });
  for (const extra of before.slice(pages.children.length)) extra.remove();
  for (const { name, value } of pages.attributes) old.setAttribute(name, value);
}
events.addEventListener('warnings', (event) => showWarnings(JSON.parse(event.data).warnings));
// Each format's pages at their size, its sheets at half theirs, on paper.
events.addEventListener('formats', (event) => {
  const data = JSON.parse(event.data);
  showWarnings(data.warnings);
  formats.replaceChildren(...data.shown.map((row) => {
    const section = document.createElement('section');
    section.className = row.format + ' ' + row.kind;
    section.dataset.format = row.format;
    const heading = document.createElement('h2');
    heading.textContent = row.heading + (row.kind === 'sheets' && row.pictures.length > 0 ? ' (at half size)' : '');
    section.append(heading);
    if (row.note) {
      const note = document.createElement('p');
      note.textContent = row.note;
      section.append(note);
    }
    const pictures = document.createElement('div');
    pictures.className = 'row';
    pictures.append(...row.pictures.map((picture, index) => {
      const img = document.createElement('img');
      img.src = '/doc/' + picture.file;
      img.width = picture.width;
      img.height = picture.height;
      img.alt = row.heading + ', ' + (index + 1);
      return img;
    }));
    section.append(pictures);
    return section;
  }));
  document.body.dataset.formats = data.version;
});
events.addEventListener('problem', (event) => {
  const data = JSON.parse(event.data);
  problem.textContent = data.message;
  problem.classList.add('shown');
  status.textContent = 'the last save has a problem; showing the last good layout';
});
</script>
</body>
</html>
`;
}
