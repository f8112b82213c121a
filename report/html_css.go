package report

// htmlCSS is the page's style sheet. It is written for three media: a
// classroom wall (large type, strong contrast, calm colour), paper (black
// on white, nothing that needs a background to be read, an act's heading
// kept with what follows it, page numbers and the title in the footer) and
// a course web page (a measure that narrows on phones, where tables and
// charts scroll sideways with a shadow to say so rather than shrink).
// Colours follow the Okabe–Ito palette, darkened where text sits on them;
// every outcome shows a symbol and a word as well as a colour. The page is
// light only: browsers that darken pages by force are told not to, since
// the charts' ink is drawn for light paper. It uses only fonts already on
// the reader's machine.
const htmlCSS = `:root {
  color-scheme: only light;
  --ink: #1b1f24;
  --muted: #4a5560;
  --faint: #6b7783;
  --rule: #d5dbe1;
  --paper: #fdfdfb;
  --wash: #f2f4f6;
  --accent: #0b5a8c;
  --done: #00694b;     --done-bg: #e2f3ec;
  --refused: #7a5100;  --refused-bg: #fbf0d6;
  --exposed: #a53b00;  --exposed-bg: #fce7dc;
  --sealed: #005b8f;   --sealed-bg: #e0eef8;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
  --serif: "Iowan Old Style", Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif;
  --mono: ui-monospace, "SF Mono", "Cascadia Mono", "Roboto Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
}
*, *::before, *::after { box-sizing: border-box; }
html {
  font-size: clamp(1rem, 0.8rem + 0.55vw, 1.4rem);
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
body {
  margin: 0;
  background: var(--paper);
  color: var(--ink);
  font-family: var(--sans);
  line-height: 1.6;
  font-kerning: normal;
  overflow-wrap: break-word;
}
.page { max-width: 60rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
p { margin: 0 0 1rem; }
.intro, .act-intro, .closing, .alt { max-width: 46rem; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, .scroll:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: 0.5rem 1rem; z-index: 1; }
code, .hex { font-family: var(--mono); font-size: 0.9em; }

/* The masthead. */
.masthead { border-bottom: 3px solid var(--ink); padding-bottom: 1.5rem; margin-bottom: 1rem; }
.kicker {
  font-size: 0.8rem; font-weight: 700; letter-spacing: 0.12em; text-transform: uppercase;
  color: var(--accent); margin: 0 0 0.5rem;
}
h1 {
  font-family: var(--serif); font-weight: 700; font-size: 2.4rem; line-height: 1.15;
  letter-spacing: -0.01em; margin: 0 0 1.5rem; text-wrap: balance;
}
.failed {
  border-left: 6px solid var(--refused); background: var(--refused-bg);
  padding: 0.75rem 1rem; border-radius: 0 0.4rem 0.4rem 0;
}
nav { margin-top: 1.5rem; }
.nav-title {
  font-family: var(--sans); font-size: 0.8rem; font-weight: 700; letter-spacing: 0.12em;
  text-transform: uppercase; color: var(--muted); margin: 0 0 0.4rem; border: 0; padding: 0;
}
.toc { list-style: none; margin: 0; padding: 0; columns: 2 18rem; column-gap: 2rem; }
.toc li { break-inside: avoid; padding: 0.1rem 0; }
.toc a { text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.toc-no { display: inline-block; min-width: 3.6rem; color: var(--muted); font-size: 0.9em; }

/* Acts and steps. */
h2 {
  font-family: var(--serif); font-size: 1.75rem; line-height: 1.2; font-weight: 700;
  margin: 3.5rem 0 0.75rem; padding-bottom: 0.4rem; border-bottom: 1px solid var(--rule);
  text-wrap: balance;
}
.act-no {
  display: block; font-family: var(--sans); font-size: 0.8rem; font-weight: 700;
  letter-spacing: 0.12em; text-transform: uppercase; color: var(--accent); margin-bottom: 0.2rem;
}
.act-intro { color: var(--muted); font-size: 1.05rem; }
.steps { list-style: none; margin: 1.25rem 0 0; padding: 0; }
.step {
  display: grid; grid-template-columns: 3.4rem minmax(0, 1fr); column-gap: 0.75rem;
  padding: 1.1rem 0 0.9rem; border-top: 1px solid var(--rule);
}
.step:first-child { border-top: 0; }
.step-no {
  font-weight: 700; color: var(--muted); font-variant-numeric: tabular-nums;
  padding-top: 0.05rem;
}
.step-body { min-width: 0; }
.step-body > * { margin: 0; }
.step-body > * + * { margin-top: 0.65rem; }
.actor { font-weight: 700; }
.actor::after { content: " "; }

.values {
  display: grid; grid-template-columns: fit-content(40%) minmax(0, 1fr);
  column-gap: 1.25rem; row-gap: 0.3rem;
}
.value { display: contents; }
.values dt { color: var(--muted); }
.values dd { margin: 0; overflow-wrap: anywhere; }
.tree { font-family: var(--mono); color: var(--faint); white-space: pre; }
.hex {
  background: var(--wash); border-radius: 0.25rem; padding: 0.05em 0.35em;
  letter-spacing: 0.02em; -webkit-box-decoration-break: clone; box-decoration-break: clone;
}
.len { color: var(--muted); font-size: 0.9em; white-space: nowrap; }
.same { color: var(--ink); font-weight: 600; font-size: 0.9em; white-space: nowrap; }

.outcome { display: flex; gap: 0.75rem; align-items: baseline; }
.badge {
  flex: none; display: inline-block; font-weight: 700; font-size: 0.85rem;
  line-height: 1.3; padding: 0.15rem 0.65rem 0.15rem 0.5rem; border: 2px solid currentColor;
  border-radius: 999px; white-space: nowrap; letter-spacing: 0.02em;
}
.sym { display: inline-block; min-width: 1em; text-align: center; }
.done { color: var(--done); } .badge.done { background: var(--done-bg); }
.refused { color: var(--refused); } .badge.refused { background: var(--refused-bg); }
.exposed { color: var(--exposed); } .badge.exposed { background: var(--exposed-bg); }
.sealed { color: var(--sealed); } .badge.sealed { background: var(--sealed-bg); }
.other { color: var(--ink); } .badge.other { background: var(--wash); }
.outcome-text { color: var(--ink); font-weight: 600; }
.note { color: var(--muted); }
.why { font-style: italic; color: var(--ink); }
.cite { white-space: nowrap; font-size: 0.9em; }
.cite a { text-decoration: none; }
.cite a:hover { text-decoration: underline; }

/* Tables. */
figure { margin: 0; }
figure.table { margin-top: 0.9rem; }
figure.table figcaption { font-weight: 700; margin-bottom: 0.35rem; }
.legend {
  display: grid; grid-template-columns: fit-content(30%) minmax(0, 1fr);
  column-gap: 1rem; row-gap: 0.15rem; margin: 0 0 0.6rem; font-size: 0.92em;
}
.legend > div { display: contents; }
.legend dt { font-weight: 700; }
.legend dd { margin: 0; color: var(--muted); }
/* Whatever scrolls sideways shows a shadow at each edge with more beyond
   it: the paper-coloured covers scroll with the content and hide a shadow
   once its edge is reached; the shadows stay put. */
.scroll {
  overflow-x: auto;
  background:
    linear-gradient(to right, var(--paper) 40%, rgba(253, 253, 251, 0)) left center / 2.5rem 100% no-repeat local,
    linear-gradient(to left, var(--paper) 40%, rgba(253, 253, 251, 0)) right center / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(27, 31, 36, 0.3), rgba(27, 31, 36, 0)) left center / 0.9rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(27, 31, 36, 0.3), rgba(27, 31, 36, 0)) right center / 0.9rem 100% no-repeat scroll;
  background-color: var(--paper);
}
table {
  border-collapse: collapse; font-variant-numeric: tabular-nums lining-nums;
  font-size: 0.92rem; line-height: 1.4;
}
th, td { text-align: left; vertical-align: top; padding: 0.35rem 1.1rem 0.35rem 0; border-bottom: 1px solid var(--rule); }
th:last-child, td:last-child { padding-right: 0; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; }
tbody th { font-weight: 600; overflow-wrap: normal; }
.nobr { white-space: nowrap; }
.num { text-align: right; white-space: nowrap; }
.measure { white-space: nowrap; }
td:not(.wide) { white-space: nowrap; }
.summary figure.table { margin: 0 0 1.5rem; }

/* Charts. */
figure.chart { margin: 2rem 0 2.5rem; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 52rem; overflow: visible; }
/* Shrunk to a phone's width, a chart's text would fall below 7 px. A chart
   keeps at least 704 px, which sets its smallest text (a superscript of
   11.25 units in 720) at 11 px, and scrolls sideways instead. */
@media screen { figure.chart svg { min-width: 704px; } }
svg text { font-family: var(--sans); }
svg .num { font-variant-numeric: tabular-nums; }
svg .halo { paint-order: stroke; stroke: var(--paper); stroke-width: 4px; stroke-linejoin: round; }
figure.chart figcaption { margin-top: 0.75rem; max-width: 52rem; }
.fig-no { font-weight: 700; color: var(--accent); }
.fig-title { font-weight: 700; }
.alt { display: block; color: var(--muted); margin-top: 0.25rem; }

/* References and the seed. */
footer { margin-top: 3.5rem; }
.refs { list-style: none; margin: 0; padding: 0; font-size: 0.92rem; }
.refs li { display: grid; grid-template-columns: 2.8rem minmax(0, 1fr); margin-bottom: 0.75rem; }
.ref-tag { color: var(--muted); font-variant-numeric: tabular-nums; }
.refs li:target { background: var(--sealed-bg); outline: 0.4rem solid var(--sealed-bg); }
.url { overflow-wrap: anywhere; font-size: 0.92em; }
.seed { margin-top: 2.5rem; padding-top: 1rem; border-top: 3px solid var(--ink); color: var(--muted); }
.seed code { color: var(--ink); }

@media (max-width: 40rem) {
  .page { padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.9rem; }
  .step { grid-template-columns: minmax(0, 1fr); }
  .values { grid-template-columns: minmax(0, 1fr); }
  .values dd { padding-left: 1rem; margin-bottom: 0.3rem; }
}

/* In print, the footer carries the title (set by the page itself) and the
   page numbers, in @page margin boxes: Chromium from 131 prints them;
   browsers without margin boxes print without, and offer page numbers and
   the title in their own print dialog's headers and footers. */
@media print {
  @page {
    margin: 16mm 15mm 18mm;
    @bottom-left { font: 8.5pt system-ui, sans-serif; color: #000; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8.5pt system-ui, sans-serif; color: #000; }
  }
  :root { --ink: #000; --muted: #222; --faint: #444; --accent: #000; --rule: #999; }
  html { font-size: 10.5pt; }
  body { background: #fff; color: #000; }
  .page { max-width: none; padding: 0; }
  .skip, nav { display: none; }
  h1 { font-size: 22pt; }
  /* An act's label, its title and its intro stay together and with the
     first step; a step with a table may break between rows rather than
     leave most of a page blank, each page repeating the table's head. */
  h2 { font-size: 15pt; margin-top: 1.6rem; break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }
  .act-no { break-after: avoid; page-break-after: avoid; }
  .act-intro { break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }
  .act > .steps, .act > .steps > .step:first-child { break-before: avoid; page-break-before: avoid; }
  .step, figure, tr, .refs li, .outcome { break-inside: avoid; page-break-inside: avoid; }
  .step:has(figure.table), figure.table { break-inside: auto; page-break-inside: auto; }
  figure.table figcaption { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  a { color: #000; text-decoration: none; }
  a[href^="http"]:not(.url)::after { content: " <" attr(href) ">"; font-size: 0.9em; overflow-wrap: anywhere; }
  .cite a::after { content: none; }
  .hex { background: none; padding: 0; }
  .badge { background: none !important; color: #000; border-color: #000; }
  .done, .refused, .exposed, .sealed, .other, .outcome-text, .note, .why, .alt, .len, .tree, .ref-tag, dt { color: #000; }
  .failed { background: none; border-left-color: #000; }
  .scroll { overflow: visible; background: none; }
  td:not(.wide):not(.num):not(.measure) { white-space: normal; }
  figure.chart svg { max-width: 100%; min-width: 0; }
  svg .halo { stroke: #fff; }
  .refs li:target { background: none; outline: 0; }
}
`
