/**
 * The page the preview server shows: the laid-out pages in a frame, the
 * booklet's sheets under them, and a line for a problem in the source. It
 * listens on /events: `pages` updates the frame (in place where only pages
 * changed), `sheets` the sheet images,
 * `problem` shows the message (file:line:col: reason) until the next good save.
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
iframe { display: block; width: 100%; height: 80vh; border: 0; background: #888; }
#sheets { display: flex; flex-wrap: wrap; gap: 1rem; padding: 1rem; }
#sheets img { background: #fff; box-shadow: 0 1px 4px #0006; }
</style>
</head>
<body>
<header><strong>${escaped}</strong><span id="status">laying out…</span></header>
<pre id="problem" role="alert"></pre>
<iframe id="pages" title="The reading edition, laid out"></iframe>
<h2 style="padding: 0 1rem">Booklet sheets</h2>
<div id="sheets"></div>
<script>
const frame = document.getElementById('pages');
const status = document.getElementById('status');
const problem = document.getElementById('problem');
const sheets = document.getElementById('sheets');
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
  status.textContent = data.pages + ' pages, laid out in ' + data.ms + ' ms';
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
events.addEventListener('sheets', (event) => {
  const data = JSON.parse(event.data);
  sheets.replaceChildren(...data.files.map((file, index) => {
    const img = document.createElement('img');
    img.src = '/doc/' + file + '?v=' + data.version;
    img.alt = 'Booklet sheet ' + (Math.floor(index / 2) + 1) + ', ' + (index % 2 === 0 ? 'front' : 'back');
    return img;
  }));
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
