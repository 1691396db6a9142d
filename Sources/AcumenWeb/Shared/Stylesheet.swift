/// The one stylesheet, compiled into the binary so that Acumen serves it from any working
/// directory and a deployment has no files to lose.
enum Stylesheet {
    static let path = "/styles.css"

    static let css = #"""
        /* Acumen: one small stylesheet, mobile first, readable contrast. */
        :root { --ink: #1b2430; --muted: #4a5565; --line: #d5dae1; --brand: #1d4f91; --bg: #f6f7f9; --ok: #1f6b3a; --warn: #8a4b00; --err: #a3202a; }
        * { box-sizing: border-box; }
        body { overflow-wrap: anywhere; margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--brand); }
        a:focus, button:focus, input:focus, textarea:focus, select:focus { outline: 3px solid #f0b400; outline-offset: 2px; }
        .skip-link { position: absolute; inset-inline-start: -999px; top: 0; background: #fff; padding: .5rem; }
        .skip-link:focus { inset-inline-start: .5rem; z-index: 10; }
        .site-header { background: #fff; border-bottom: 1px solid var(--line); padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
        .brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--brand); }
        .site-header nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        .site-header nav a[aria-current="page"] { font-weight: 700; text-decoration: underline; }
        .account { margin-inline-start: auto; display: flex; align-items: center; gap: .75rem; flex-wrap: wrap; }
        .who { color: var(--muted); font-size: .9rem; }
        .menu-toggle { margin: 0 0 0 auto; }
        .menu-toggle[hidden] { display: none; }
        @media (min-width: 48.01rem) { .site-header .menu-toggle { display: none; } }
        @media (max-width: 48rem) { .site-header.folded nav, .site-header.folded .account { display: none; } .site-header nav, .site-header .account { flex-basis: 100%; } }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; background: #fff; min-height: 70vh; }
        .site-footer { max-width: 72rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: .875rem; }
        h1 { font-size: 1.75rem; line-height: 1.2; margin: .5rem 0 1rem; }
        h2 { font-size: 1.35rem; margin-top: 2rem; }
        h3 { font-size: 1.1rem; }
        .meta, .muted, .hint { color: var(--muted); }
        .hint { display: block; font-size: .9rem; font-weight: 400; }
        .narrow { max-width: 26rem; }
        .field { display: block; margin: 0 0 1rem; font-weight: 600; }
        .field input, .field textarea, .field select { display: block; width: 100%; margin-top: .25rem; padding: .55rem; font: inherit; font-weight: 400; border: 1px solid #7b8594; border-radius: 4px; }
        fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; }
        legend { font-weight: 700; padding: 0 .25rem; }
        .button, button { display: inline-block; font: inherit; padding: .5rem .9rem; border-radius: 4px; border: 1px solid var(--brand); background: #fff; color: var(--brand); text-decoration: none; cursor: pointer; margin: .25rem .5rem .25rem 0; min-height: 44px; }
        .button.primary { background: var(--brand); color: #fff; }
        .link-button { border: 0; background: none; color: var(--brand); text-decoration: underline; padding: .25rem; min-height: 44px; }
        form.inline { display: inline; }
        .actions { margin: 1rem 0; }
        .flash { background: #e8f3ec; border-inline-start: 4px solid var(--ok); padding: .75rem; }
        .error { background: #fbeaec; border-inline-start: 4px solid var(--err); padding: .75rem; }
        .warning { color: var(--warn); font-weight: 600; }
        .deviation { text-align: center; font-weight: 600; }
        .deviation-same { background: #e8f3ec; } .deviation-near { background: #fdf3e6; }
        .deviation-far { background: #fbeaec; } .deviation-missing { background: #eceff3; }
        .form-progress { position: sticky; bottom: 0; z-index: 5; background: #fff; border-top: 1px solid var(--line); padding: .25rem 0; }
        .form-progress p { margin: .25rem 0; font-size: .9rem; }
        .form-progress .form-actions { margin: 0; display: flex; flex-wrap: wrap; gap: .25rem .5rem; }
        .form-progress .form-actions button { margin: 0; padding: .4rem .6rem; }
        form[data-autosave] :is(input, select, textarea, h2, summary) { scroll-margin-bottom: 7rem; }
        .form-sections { margin: 0 0 1rem; } .form-sections a { display: inline-block; padding: .35rem 0; }
        .field-error { display: block; color: var(--err); font-weight: 600; }
        .field input[aria-invalid="true"] { border: 2px solid var(--err); }
        .warning-panel { background: #fdf3e6; border-inline-start: 4px solid var(--warn); padding: .25rem .75rem; }
        .panel { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        .badge { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .85rem; border: 1px solid currentColor; }
        .badge-draft { color: var(--warn); } .badge-published { color: var(--ok); } .badge-retired { color: var(--muted); }
        .badge-open { color: var(--warn); } .badge-resolved { color: var(--ok); }
        .badge-late { color: var(--err); font-weight: 600; } .badge-due { color: var(--muted); }
        .agenda { padding-inline-start: 1.5rem; } .agenda-item { margin: 0 0 .75rem; } .agenda-item p { margin: .15rem 0 0; }
        .agenda-title { font-weight: 600; }
        ul.plain { list-style: none; margin: 0; padding: 0; }
        .table { border-collapse: collapse; width: 100%; }
        .table caption { text-align: start; color: var(--muted); padding: .25rem 0; }
        .table th, .table td { text-align: start; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        .table-scroll { overflow-x: auto; max-width: 100%; }
        .table th, .table td { overflow-wrap: normal; }
        .translation-part { border-top: 1px solid var(--line); padding-top: .5rem; }
        .translation-part .original { margin: .25rem 0; } .translation-part .original .hint { display: inline; }
        .language-choice { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
        .language-choice .field { margin-bottom: 0; }
        @media (max-width: 40rem) {
          .table.stacked thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
          .table.stacked tr { display: block; border-bottom: 1px solid var(--line); padding: .5rem 0; }
          .table.stacked th, .table.stacked td { display: block; border: 0; padding: .1rem 0; }
          .table.stacked td::before { content: attr(data-label) ": "; color: var(--muted); }
        }
        .level-grid { display: grid; grid-template-columns: 1fr; gap: .75rem; }
        .level { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
        .level h3 { margin: .25rem 0; font-size: 1rem; }
        .level ul { margin: .25rem 0; padding-inline-start: 1.25rem; }
        .level-1 { border-top: 4px solid #6b8fc7; } .level-2 { border-top: 4px solid #2f63ad; } .level-3 { border-top: 4px solid #173b6e; }
        .competency { border-top: 1px solid var(--line); padding-top: .5rem; margin-top: 1rem; }
        .toc ul { columns: 2; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        .facts dt { font-weight: 600; } .facts dd { margin: 0; }
        @media (max-width: 48rem) { .facts.summary { grid-template-columns: 1fr; } .facts.summary dd { margin-bottom: .5rem; } }
        .cards { display: grid; grid-template-columns: 1fr; gap: 1rem; }
        @media (min-width: 48rem) { .cards.glance { grid-template-columns: repeat(3, 1fr); } }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 0 1rem 1rem; }
        .card h2 { font-size: 1.1rem; }
        .comment { border-inline-start: 3px solid var(--line); padding-inline-start: .75rem; margin: 1rem 0; }
        .breadcrumb { font-size: .9rem; }
        .target-grid { display: grid; grid-template-columns: 1fr; gap: 0 1rem; }
        .checkbox input { margin-inline-end: .5rem; }
        @media (min-width: 48rem) { .target-grid { grid-template-columns: repeat(2, 1fr); } }
        @media (min-width: 48rem) {
          .level-grid { grid-template-columns: repeat(3, 1fr); }
          .cards { grid-template-columns: repeat(2, 1fr); }
        }
        @media (max-width: 30rem) { .toc ul { columns: 1; } .facts { grid-template-columns: 1fr; } }
        .check { display: flex; gap: .6rem; align-items: flex-start; padding: .35rem 0; min-height: 44px; }
        .check input { width: 1.25rem; height: 1.25rem; margin-top: .15rem; flex: none; }
        .field-row { display: flex; flex-wrap: wrap; gap: 0 1rem; } .field-row .field { flex: 1 1 12rem; }
        .scale { display: flex; flex-wrap: wrap; gap: .4rem; margin: .25rem 0 .5rem; }
        .choice { display: inline-flex; align-items: center; gap: .4rem; border: 1px solid #7b8594; border-radius: 4px; padding: .4rem .75rem; min-height: 44px; cursor: pointer; }
        .choice:has(input:checked) { background: #e6eef8; border-color: var(--brand); font-weight: 600; }
        .competency-form, .question fieldset { padding: .75rem 1rem; } .question { margin-bottom: 1.25rem; } .question fieldset { margin: 0; }
        .level-block h3 { margin: .75rem 0 .25rem; font-size: 1rem; }
        .derived { font-weight: 600; color: var(--brand); min-height: 1.5em; }
        details summary { cursor: pointer; padding: .4rem 0; min-height: 44px; color: var(--brand); }
        .form-actions { border-top: 1px solid var(--line); padding: .5rem 0; margin-top: 1rem; }
        .save-status { color: var(--muted); min-height: 1.5em; margin: .5rem 0 0; }
        .notice { background: #fff8e1; border-inline-start: 4px solid var(--warn); padding: .75rem; }
        .secret { font-family: ui-monospace, monospace; word-break: break-all; }
        .badge-approved, .badge-released, .badge-sent { color: var(--ok); } .badge-nominated, .badge-closed, .badge-pending { color: var(--warn); }
        .badge-revoked, .badge-failed { color: var(--err); }
        .chart svg { width: 100%; max-width: 32rem; height: auto; display: block; }
        .ring, .spoke { fill: none; stroke: #c3cad4; stroke-width: 1; }
        .ring-label { fill: var(--muted); font-size: 12px; } .spoke-label { fill: var(--ink); font-size: 13px; }
        .series { fill: none; stroke-width: 2.5; } .series-point { stroke: none; }
        .series-others { stroke: var(--brand); } circle.series-others { fill: var(--brand); }
        .series-self { stroke: #b34700; stroke-dasharray: 7 4; } circle.series-self { fill: #b34700; }
        .series-target { stroke: var(--ok); stroke-dasharray: 2 4; } circle.series-target { fill: var(--ok); }
        .bar { fill: var(--brand); } .bar-label, .bar-value { fill: var(--ink); font-size: 13px; }
        .chart-wide { overflow-x: auto; } .chart-wide svg { max-width: 60rem; min-width: 40rem; } .heat-cell { stroke: #fff; } .heat-hatch { stroke: #8a94a3; stroke-width: 2; }
        .heat-label, .heat-column { fill: var(--ink); font-size: 12px; } .heat-value { fill: #10243a; font-size: 12px; } .heat-value-dark { fill: #fff; }
        .figure-pair { display: grid; gap: 1rem; } @media (min-width: 60rem) { .figure-pair { grid-template-columns: 1fr 1fr; align-items: start; } }
        .figures dd strong { font-size: 1.4rem; } .definition { color: var(--muted); font-size: .9rem; margin: .2rem 0 .8rem; }
        @media print {
          .site-header, .site-footer, .skip-link, .no-print, form.period { display: none !important; }
          body { background: #fff; color: #000; } main { max-width: none; padding: 0; }
          section { break-inside: avoid; } a { color: #000; text-decoration: none; }
          .table-scroll, .chart-wide { overflow: visible; } .bar { fill: #444; }
        }
        """#
}
