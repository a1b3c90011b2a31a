/** The report page's style: readable in light and dark, no web fonts. */
export const pageStyle = `
:root{color-scheme:light dark;--line:#8884;--critical:#b3261e;--high:#e8590c;--medium:#d4a017;--low:#6c757d}
body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:90rem;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.failing{color:var(--critical)}.passing{color:#2b8a3e}
.charts{display:flex;flex-wrap:wrap;gap:2rem}.charts figure{margin:0;flex:1 1 24rem}
figcaption{font-weight:600;margin-bottom:.25rem}svg text{fill:currentColor;font-size:11px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th button{all:unset;cursor:pointer;font-weight:600}th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.owner,td.id{word-break:break-all}code{font-size:12px;word-break:break-all}
.sev{font-weight:600}.sev-critical{color:var(--critical)}.sev-high{color:var(--high)}.sev-medium{color:var(--medium)}.sev-low{color:var(--low)}
#filter{font:inherit;padding:.3rem .5rem;width:min(30rem,100%)}#shown{margin-left:1rem;color:var(--low)}
`;

/**
 * The page's only script: sorts the findings by a column when its heading is clicked (again:
 * the other way), and shows only the rows holding every word typed in the filter. It reads the
 * table's cells and never the server's text as code.
 */
export const pageScript = `(() => {
  const table = document.getElementById('findings');
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const filter = document.getElementById('filter');
  const shown = document.getElementById('shown');
  const value = (row, index) => {
    const cell = row.cells[index];
    return cell.dataset.v ?? cell.textContent;
  };
  const compare = (a, b) => {
    const x = Number(a), y = Number(b);
    if (a !== '' && b !== '' && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  table.tHead.addEventListener('click', (event) => {
    const heading = event.target.closest('th');
    if (!heading) return;
    const index = heading.cellIndex;
    const direction = heading.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    for (const cell of table.tHead.rows[0].cells) cell.removeAttribute('aria-sort');
    heading.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
    rows.sort((a, b) => direction * compare(value(a, index), value(b, index)));
    const sorted = document.createDocumentFragment();
    for (const row of rows) sorted.appendChild(row);
    body.appendChild(sorted);
  });
  filter.addEventListener('input', () => {
    const words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let count = 0;
    for (const row of rows) {
      const text = row.textContent.toLowerCase();
      row.hidden = !words.every((word) => text.includes(word));
      if (!row.hidden) count++;
    }
    shown.textContent = count + ' of ' + rows.length + ' shown';
  });
})();`;
