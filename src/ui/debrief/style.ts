// The debrief's stylesheet: readable on screen and on a projector, clean on paper (no buttons, no dark fills).
export const DEBRIEF_CSS = `
.debrief { font: 16px/1.5 system-ui, sans-serif; color: #111; background: #fff; max-width: 1100px; margin: 0 auto; padding: 24px; }
.debrief h1 { font-size: 2rem; margin: 0 0 .25rem; }
.debrief h1:focus { outline: none; }
.debrief h2 { font-size: 1.4rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #0072B2; }
.debrief h3 { font-size: 1.1rem; margin: 1rem 0 .25rem; }
.debrief .lede { font-size: 1.1rem; }
.debrief .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
.debrief button { font: inherit; padding: .5rem 1rem; border: 2px solid #0072B2; background: #fff; color: #003d63; border-radius: 4px; cursor: pointer; }
.debrief button:hover { background: #e6f1f8; }
.debrief button:focus-visible, .debrief summary:focus-visible { outline: 3px solid #111; outline-offset: 2px; }
.debrief table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95rem; }
.debrief caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.debrief th, .debrief td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
.debrief thead th { background: #eef3f7; }
.debrief tbody th { font-weight: 600; }
.debrief .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 1rem; }
.debrief figure { margin: 0; break-inside: avoid; }
.debrief .chart { width: 100%; height: auto; background: #fff; }
.debrief .chart .grid { stroke: #ddd; stroke-width: 1; }
.debrief .chart .tick, .debrief .chart .axis { font-size: 13px; fill: #333; }
.debrief .chart .turning { stroke: #555; stroke-width: 1; stroke-dasharray: 3 3; }
.debrief .chart .turning-label { font-size: 12px; fill: #222; }
.debrief .legend { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; }
.debrief .legend svg { vertical-align: middle; }
.debrief .chart-figures summary { cursor: pointer; color: #003d63; }
.debrief blockquote { margin: .25rem 0 .25rem 1rem; padding-left: .75rem; border-left: 3px solid #009E73; font-style: italic; }
.debrief .citations { list-style: none; padding-left: 0; }
.debrief .ledger-table td:nth-child(2) { text-align: right; white-space: nowrap; }
.debrief .ledger summary { cursor: pointer; color: #003d63; font-weight: 600; }
.debrief .ledger-note { font-size: .9rem; color: #444; margin: .25rem 0; }
.debrief .deal-space { max-width: 720px; }
.debrief .deal-space .cloud { fill: #bbb; }
.debrief .deal-space .frontier { fill: none; stroke: #0072B2; stroke-width: 2.5; }
.debrief .deal-space .frontier-point { fill: #0072B2; }
.debrief .deal-space .nash, .debrief .legend .nash { fill: #E69F00; stroke: #111; stroke-width: 1; }
.debrief .deal-space .game-point, .debrief .legend .game-point { fill: #D55E00; stroke: #111; stroke-width: 1; }
.debrief .no-deal { stroke: #111; stroke-width: 2; fill: none; }
.debrief .legend .cloud { fill: #bbb; }
.debrief .legend .frontier-point { fill: #0072B2; }
.debrief .missed-deals li, .debrief .aims li, .debrief .red-lines li { margin: .25rem 0; }
.debrief details.brief summary { cursor: pointer; color: #003d63; }
.debrief .endings td, .debrief .endings th { width: 33%; }
.debrief .branch { border: 2px solid #009E73; padding: .5rem 1rem; border-radius: 4px; margin: 1rem 0; }
.debrief .branch label { margin-right: .5rem; }
/* The page's own .detail is light for the dark table; on the debrief's white it must stay readable (WCAG AA). */
.debrief .detail { color: #444; font-size: .95rem; }
.debrief .branch input[type=text] { font: inherit; font-size: .9rem; padding: .25rem; border: 1px solid #767676; }
.debrief select { font: inherit; padding: .25rem; }
.debrief .chart { overflow: visible; }
/* The game's own controls under the debrief line up with its column. */
.debrief-foot { max-width: 1100px; margin: 0 auto; padding: 0 24px 24px; }
@media print {
  @page { margin: 15mm; }
  body { background: #fff !important; }
  body:has(.debrief) > :not(:has(.debrief)):not(.debrief):not(style) { display: none !important; }
  /* Whatever overlay holds the debrief on screen must not clip it on paper. */
  *:has(.debrief) { position: static !important; overflow: visible !important; height: auto !important; max-height: none !important; transform: none !important; border: 0 !important; background: #fff !important; }
  /* Paper has no buttons: the page's own controls beside the debrief go too. */
  body:has(.debrief) button, body:has(.debrief) input, body:has(.debrief) select { display: none !important; }
  .debrief { max-width: none; padding: 0; font-size: 11pt; }
  .debrief button, .debrief .actions { display: none !important; }
  .debrief .chart-figures { display: none; }
  .debrief .branch-controls { display: none !important; }
  /* The ledger is on paper only when it was opened on screen; its summary and note are for the screen. */
  .debrief .ledger:has(details:not([open])) { display: none; }
  .debrief .ledger summary, .debrief .ledger-note { display: none; }
  .debrief .charts { display: block; }
  .debrief figure { margin-bottom: 1rem; }
  .debrief .chart { max-width: 16cm; }
  .debrief h2 { break-after: avoid; }
  .debrief tr { break-inside: avoid; }
  .debrief thead th { background: none; }
  /* Wide tables (the agreements have eight columns) wrap inside the page instead of running off it. */
  .debrief table { font-size: 9pt; }
  .debrief th, .debrief td { overflow-wrap: anywhere; }
  .debrief .deal-space { max-width: 15cm; }
}
`;
