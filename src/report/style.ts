// The report's stylesheet: plain on screen, A4 in print, readable without
// colour (the charts carry patterns, dashes and labels). Charts scale to the
// page's width (their viewBox keeps the proportions).
export const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #111; background: #fff; max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #111; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.warning { border: 2px solid #111; border-left-width: 8px; padding: .5rem .8rem; margin: 1rem 0; background: #fff4d6; }
.lead { font-size: 1.15rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; }
th, td { border: 1px solid #888; padding: .3rem .45rem; vertical-align: top; text-align: left; }
thead th { background: #e9e9e9; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.figures th { width: 14rem; font-weight: 600; background: #f4f4f4; }
table.timeline { font-size: .86rem; }
table.council { font-size: .86rem; }
table.council td.ballot { white-space: nowrap; }
table.timeline ul { margin: 0; padding-left: 1rem; }
table.timeline td.round { font-weight: 700; text-align: right; }
table.timeline td:nth-child(2) { white-space: nowrap; }
td .none { color: #555; font-style: italic; }
figure { margin: 1.2rem 0 1.6rem; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: .9rem; color: #333; margin-top: .3rem; }
ol.prompts li { margin: .45rem 0; }
p.note { font-size: .85rem; color: #333; }
footer { margin-top: 2.5rem; font-size: .8rem; color: #444; border-top: 1px solid #888; padding-top: .5rem; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { font-size: 9.5pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure, tr, ol.prompts li, .warning, table.figures { break-inside: avoid; page-break-inside: avoid; }
  figure svg { max-width: 100%; }
  thead { display: table-header-group; }
  #timeline, #prompts { break-before: page; page-break-before: always; }
  .warning { background: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
