/// The workbench's only style sheet: the app shell, forms and figures, plus the classes of the printed guide,
/// notice and checklist (``OnegoExport/HTMLGuideRenderer``) and of the audit report's sections, so the documents
/// look the same here as on paper. Responsive from phone (390 px) to desktop; prints without the shell.
enum WorkbenchCSS {
    static let text = """
        :root { --ink: #1f2933; --muted: #52606d; --line: #d9dee5; --bg: #f4f5f7; --card: #fff; --accent: #a4161a;
          --blue: #2458b3; --ok: #2f8f46; --bad: #c0392b;
          --sans: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
          --serif: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--ink); font-family: var(--sans); font-size: 15px; line-height: 1.6; }
        a { color: var(--blue); text-decoration: none; }
        a:hover { text-decoration: underline; }
        header.bar { background: var(--accent); color: #fff; }
        header.bar .inner { max-width: 1200px; margin: 0 auto; padding: 10px 20px; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; }
        header.bar a { color: #fff; }
        header.bar .brand { font-weight: 700; font-size: 18px; letter-spacing: .05em; white-space: nowrap; }
        header.bar nav { display: flex; gap: 16px; font-size: 14px; }
        header.bar form { flex: 1 1 260px; display: flex; }
        header.bar input[type=search] { flex: 1; min-width: 0; padding: 6px 10px; border: 0; border-radius: 4px 0 0 4px; font: inherit; }
        header.bar button { border: 0; border-radius: 0 4px 4px 0; padding: 6px 14px; background: #7d1013; color: #fff; font: inherit; cursor: pointer; }
        header.bar .mode { font-size: 12px; padding: 1px 8px; border: 1px solid rgba(255,255,255,.6); border-radius: 10px; white-space: nowrap; }
        main { max-width: 1200px; margin: 0 auto; padding: 20px; }
        main.narrow { max-width: 720px; }
        h1 { font-size: 24px; margin: 4px 0 8px; line-height: 1.3; }
        h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 16px; margin: 16px 0 6px; }
        .muted, .meta, .small { color: var(--muted); font-size: 13px; }
        .code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); word-break: break-all; }
        .panel { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px; margin: 12px 0; }
        .panel > h2:first-child { margin-top: 0; }
        .hero { text-align: center; padding: 48px 16px 24px; }
        .hero h1 { font-size: 28px; }
        .hero form { display: flex; max-width: 640px; margin: 20px auto 8px; }
        .hero input[type=search] { flex: 1; min-width: 0; font: inherit; font-size: 18px; padding: 10px 14px; border: 2px solid var(--accent); border-radius: 6px 0 0 6px; }
        .hero button { font: inherit; font-size: 18px; padding: 10px 22px; border: 0; background: var(--accent); color: #fff; border-radius: 0 6px 6px 0; cursor: pointer; }
        .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; margin: 12px 0; }
        .tile { display: block; background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; color: var(--ink); }
        .tile:hover { border-color: var(--accent); text-decoration: none; }
        .tile strong { display: block; font-size: 16px; color: var(--accent); }
        .layout { display: grid; grid-template-columns: 240px minmax(0, 1fr); gap: 20px; align-items: start; }
        .facets h3 { font-size: 14px; margin: 12px 0 4px; color: var(--muted); }
        .facets > h3:first-child { margin-top: 0; }
        .facets ul { list-style: none; margin: 0; padding: 0; font-size: 14px; }
        .facets li { display: flex; justify-content: space-between; gap: 8px; padding: 2px 0; }
        .facets li.on a { font-weight: 700; color: var(--accent); }
        .count { color: var(--muted); font-size: 12px; }
        ol.hits { list-style: none; margin: 0; padding: 0; }
        ol.hits li { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; margin-bottom: 8px; }
        ol.hits .name { font-size: 16px; font-weight: 600; }
        .kind { display: inline-block; font-size: 12px; padding: 0 6px; margin-right: 6px; border-radius: 3px; background: #e8eef9; color: var(--blue); vertical-align: 2px; }
        .kind.matter { background: #fbe9e9; color: var(--accent); }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 12px 0; }
        .figure { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
        .figure .label { font-size: 13px; color: var(--muted); }
        .figure .value { font-size: 24px; font-weight: 700; }
        .figure .change { font-size: 12px; color: var(--ok); }
        .two { display: grid; grid-template-columns: minmax(280px, 380px) minmax(0, 1fr); gap: 20px; align-items: start; }
        fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 8px 12px 10px; background: var(--card); }
        fieldset.follow-up { margin-left: 16px; border-left: 3px solid var(--accent); }
        legend { font-weight: 600; padding: 0 4px; }
        .hint { font-size: 13px; color: var(--muted); margin: 2px 0 6px; }
        .choices { display: flex; flex-wrap: wrap; gap: 4px 16px; }
        .choices label { display: inline-flex; align-items: center; gap: 4px; min-height: 32px; cursor: pointer; }
        input[type=radio], input[type=checkbox] { width: 18px; height: 18px; accent-color: var(--accent); }
        input[type=date], input[type=number], input[type=text] { font: inherit; padding: 4px 8px; border: 1px solid #9aa5b1; border-radius: 4px; }
        .button, button.primary { display: inline-block; font: inherit; padding: 6px 16px; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
        .button.secondary { background: #fff; color: var(--accent); }
        .button:hover { text-decoration: none; opacity: .9; }
        .js-optional { display: none; }
        .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
        .alert { border-left: 4px solid #b7791f; background: #fff8e6; padding: 8px 12px; margin: 12px 0; border-radius: 0 4px 4px 0; }
        .alert.error { border-color: var(--bad); background: #fdecea; }
        pre.command { background: #1f2933; color: #e4e7eb; padding: 10px 12px; border-radius: 6px; overflow-x: auto; font-size: 13px; white-space: pre-wrap; word-break: break-all; }
        .stages { display: flex; flex-wrap: wrap; gap: 8px; align-items: stretch; }
        .stage { flex: 1 1 200px; background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
        .stage h3 { margin: 0 0 4px; font-size: 14px; color: var(--muted); }
        .stage ul { margin: 0; padding-left: 18px; }
        .critical { color: var(--accent); font-weight: 600; }
        table { border-collapse: collapse; width: 100%; background: var(--card); font-size: 14px; margin: 8px 0; }
        th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #eef1f5; font-weight: 600; white-space: nowrap; }
        td.num, td.c { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.c { text-align: center; }
        .scroll { overflow-x: auto; }
        .verdict { display: inline-block; margin: 8px 0; padding: 6px 14px; border-radius: 4px; font-weight: 700; color: #fff; }
        .pass { background: var(--ok); } .fail { background: var(--bad); }
        .met { color: var(--ok); font-weight: 700; } .missed { color: var(--bad); font-weight: 700; }
        .sev-error { color: var(--bad); font-weight: 700; } .sev-warning { color: #b7791f; } .sev-note { color: var(--muted); }
        .charts { display: flex; flex-wrap: wrap; gap: 12px; }
        .chart { background: var(--card); border: 1px solid var(--line); padding: 8px 12px; max-width: 100%; }
        .chart h3 { font-size: 15px; margin: 4px 0; }
        svg { max-width: 100%; height: auto; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; }
        .card { background: var(--card); border: 1px solid var(--line); padding: 10px 16px; min-width: 200px; flex: 1 1 200px; }
        .card .big { font-size: 26px; font-weight: 700; }
        details { margin: 10px 0; } summary { cursor: pointer; font-weight: 600; }
        code { font-size: 12px; word-break: break-all; }
        /* Printed documents (guide, notice, checklist), as HTMLGuideRenderer writes them. */
        .doc { background: #fff; max-width: 210mm; margin: 0 auto 20px; padding: 14mm 13mm; box-shadow: 0 1px 4px rgba(0,0,0,.2); font-family: var(--serif); font-size: 14px; }
        .doc-head { text-align: center; border-bottom: 2px solid var(--accent); padding-bottom: 8px; margin-bottom: 10px; }
        .doc-title { font-family: var(--sans); font-size: 24px; letter-spacing: .3em; margin: 0; color: var(--accent); }
        .doc-subject { font-family: var(--sans); font-size: 18px; margin: 6px 0 0; }
        .doc-meta { display: flex; flex-wrap: wrap; justify-content: center; gap: 2px 24px; margin: 4px 0 0; font-size: 12px; color: var(--muted); }
        .doc-meta .blank, td.blank { min-width: 100px; }
        .doc h2 { font-family: var(--sans); font-size: 16px; border: 0; border-left: 4px solid var(--accent); padding: 0 0 0 8px; margin: 16px 0 6px; }
        .doc p { margin: 4px 0; }
        .doc table { font-size: 13px; } .doc th, .doc td { border-color: #333; }
        table.fields th { width: 8em; }
        table.findings { table-layout: fixed; } table.findings td { overflow-wrap: anywhere; }
        col.w-severity { width: 3.5em; } col.w-rule { width: 15%; } col.w-department { width: 13%; }
        col.w-item { width: 20%; } col.w-location { width: 16%; }
        .badges { margin: 4px 0 6px; }
        .badge { display: inline-block; margin: 0 6px 4px 0; padding: 0 10px; border: 1.5px solid var(--accent); border-radius: 12px; color: var(--accent); font-family: var(--sans); font-weight: 600; font-size: 13px; }
        .note { margin: 4px 0; padding: 4px 10px; border-left: 3px solid var(--muted); background: #f7f6f3; font-size: 13px; }
        .doc-foot { margin-top: 12px; padding-top: 6px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
        form.edit { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin: 8px 0; display: grid; gap: 6px; }
        form.edit label { display: grid; gap: 2px; font-size: 14px; color: var(--muted); }
        form.edit input[type=text], form.edit input[type=search], form.edit input[type=number], form.edit select, form.edit textarea { font: inherit; color: var(--ink); padding: 4px 8px; border: 1px solid #9aa5b1; border-radius: 4px; width: 100%; }
        form.edit button, .row button { justify-self: start; font: inherit; font-size: 14px; padding: 4px 12px; border: 1px solid var(--accent); border-radius: 4px; background: #fff; color: var(--accent); cursor: pointer; }
        form.edit.inline { display: inline-block; border: 0; padding: 0; margin: 2px 6px 2px 0; background: none; }
        form.edit.inline.refused { display: block; }
        form.edit.inline.refused .field-error { margin: 2px 0 4px; }
        .row { display: flex; flex-wrap: wrap; gap: 4px; }
        form.edit .checks { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; font-size: 14px; color: var(--muted); }
        form.edit .checks label { display: inline-flex; align-items: center; gap: 4px; color: var(--ink); min-height: 32px; }
        ol.stages li, ul.fields li { margin: 4px 0; }
        ul.members, ul.questions, ul.hits { list-style: none; padding: 0; margin: 6px 0; }
        ul.members > li, ul.questions > li, ul.hits > li { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 6px 0; }
        ul.effects { margin: 2px 0; font-size: 14px; }
        .alert.ok { border-color: var(--ok); background: #eaf6ec; }
        li.bad { color: var(--bad); }
        pre.diff { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 10px; overflow-x: auto; font-size: 12px; line-height: 1.5; }
        pre.diff ins { display: block; text-decoration: none; background: #e6f4ea; color: #1e5b2c; }
        pre.diff del { display: block; text-decoration: none; background: #fdecea; color: #8a1f17; }
        pre.diff .same { display: block; color: var(--muted); }
        details > summary { cursor: pointer; color: var(--blue); margin: 6px 0; }
        @media (max-width: 800px) {
          body { font-size: 15px; }
          main { padding: 12px; }
          header.bar .inner { padding: 8px 12px; }
          .layout, .two { grid-template-columns: minmax(0, 1fr); }
          .layout > ol.hits { order: -1; }
          .hero { padding: 24px 4px 12px; }
          .hero h1 { font-size: 22px; }
          .doc { padding: 12px; box-shadow: none; border: 1px solid var(--line); }
          table { display: block; overflow-x: auto; }
          .scroll table { display: table; min-width: 640px; }
          .doc-title { font-size: 20px; letter-spacing: .1em; }
        }
        @media (max-width: 600px) {
          table.reflow, table.reflow tbody, table.reflow tr { display: block; width: auto; min-width: 0; overflow: visible; }
          table.reflow thead { display: none; }
          table.reflow tr { background: #fff; border: 1px solid var(--line); margin: 0 0 8px; }
          table.reflow td, table.reflow td.c { display: block; position: relative; padding-left: calc(5.5em + 16px); border: none;
            border-top: 1px solid #eef1f5; text-align: left; white-space: normal; overflow-wrap: anywhere; }
          table.reflow td:first-child { border-top: none; background: #eef1f5; font-weight: 600; }
          table.reflow td:empty { display: none; }
          table.reflow td::before { content: attr(data-label); position: absolute; left: 8px; width: 5.5em;
            color: var(--muted); font-weight: normal; }
          table.reflow tbody th { display: block; text-align: left; white-space: normal; border: none; }
        }
        [aria-invalid=true] { outline: 2px solid var(--bad); outline-offset: 2px; border-radius: 4px; background: #fdf1f0; }
        input[aria-invalid=true], textarea[aria-invalid=true] { border-color: var(--bad); }
        .field-error { color: var(--bad); font-size: 13px; margin: 2px 0 8px; font-weight: 600; }
        .field-error.warning { color: #8a5a00; }
        #problems a[data-focus] { text-decoration: underline; }
        :focus-visible, [tabindex="-1"]:focus { outline: 3px solid var(--blue); outline-offset: 2px; }
        @media print {
          header.bar, .noprint, .actions { display: none; }
          body { background: #fff; }
          main { padding: 0; max-width: none; }
          .doc { box-shadow: none; margin: 0; padding: 0; max-width: none; }
          .doc + .doc { break-before: page; }
        }

        """
}
