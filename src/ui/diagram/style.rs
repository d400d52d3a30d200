//! The diagram's stylesheet, scoped by the `dg-` prefix and built on the app's colour
//! variables (`--text`, `--muted`, `--accent`, `--panel`, `--mono`) with dark fallbacks.
//! State colours always come with a word or glyph, never colour alone.
//!
//! Invariant: every rule starts with a `.dg-` class; `prefers-reduced-motion` turns off
//! every transition.

pub const CSS: &str = r#"
.dg-pane { display: flex; flex-direction: column; flex: 1 1 auto; min-height: 0; gap: 0.35rem; color: var(--text, #e6edf3); font-family: var(--ui-font, system-ui, sans-serif); }
.dg-top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.4rem 0.8rem; }
.dg-top .pane-title { margin: 0; }
.dg-now { display: flex; align-items: baseline; gap: 0.8rem; min-height: 1.3em; }
.dg-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem; }
.dg-controls button, .dg-speed { background: var(--panel, #161b22); color: inherit; border: 1px solid var(--panel-border, #30363d); border-radius: 6px; padding: 0.15rem 0.5rem; font: inherit; font-size: 0.95rem; cursor: pointer; min-height: 2.1rem; min-width: 2.3rem; }
.dg-speed { font-size: 0.85rem; padding: 0.15rem 0.3rem; }
.dg-controls button:disabled { opacity: 0.45; cursor: default; }
.dg-controls button[aria-pressed="true"] { border-color: var(--accent, #58a6ff); color: var(--accent, #58a6ff); }
.dg-controls button:focus-visible, .dg-speed:focus-visible { outline: 2px solid var(--accent, #58a6ff); outline-offset: 1px; }
.dg-step { flex: none; font-size: 0.8rem; color: var(--muted, #8b949e); }
.dg-line { flex: 1 1 auto; min-width: 0; font-family: var(--mono, monospace); font-size: 0.85rem; color: var(--muted, #8b949e); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.dg-body { position: relative; flex: 1 1 0; min-height: 9rem; }
.dg-stage { position: absolute; inset: 0; overflow: auto; scrollbar-gutter: stable; scrollbar-color: #3b4350 transparent; display: flex; }
.dg-stage > .dg-canvas { margin: auto; flex: none; }
.dg-stage:focus-visible { outline: 2px solid var(--accent, #58a6ff); }
.dg-svg { display: block; }
.dg-svg text { fill: var(--text, #e6edf3); pointer-events: none; }
.dg-title { font-size: 12px; font-weight: 700; fill: var(--muted, #8b949e) !important; letter-spacing: 0.02em; }
.dg-label { font-size: 12.5px; font-weight: 700; }
.dg-label-s { font-size: 11.5px; font-weight: 700; }
.dg-sub { font-size: 10.5px; fill: var(--muted, #8b949e) !important; }
.dg-small { font-size: 11px; }
.dg-state { font-size: 10.5px; font-weight: 600; }
.dg-mono { font-family: var(--mono, monospace); font-size: 9.5px; fill: var(--muted, #8b949e) !important; }
.dg-mono-xs { font-family: var(--mono, monospace); font-size: 8px; }
.dg-frame { stroke-width: 1.5; transition: fill 0.25s, stroke 0.25s; }
.dg-node[tabindex] { cursor: pointer; }
.dg-n-layer, .dg-n-more, .dg-n-writable { pointer-events: none; }
.dg-node:focus { outline: none; }
.dg-node:focus-visible > .dg-frame, .dg-sel > .dg-frame { stroke: #ffffff; stroke-width: 2.5; }
.dg-hl > .dg-frame { stroke: var(--accent, #58a6ff); stroke-width: 3; }
.dg-n-desktop > .dg-frame { fill: rgba(88, 166, 255, 0.04); stroke: #58a6ff; stroke-dasharray: 3 4; }
.dg-n-host > .dg-frame { fill: rgba(110, 118, 129, 0.06); stroke: #8b949e; stroke-dasharray: 8 6; }
.dg-n-store > .dg-frame, .dg-n-volarea > .dg-frame { fill: rgba(22, 27, 34, 0.9); stroke: #30363d; }
.dg-n-zone > .dg-frame { fill: rgba(31, 111, 235, 0.06); stroke: #1f6feb; stroke-dasharray: 4 3; }
.dg-n-client > .dg-frame { fill: #0c2d6b; stroke: #58a6ff; }
.dg-n-daemon > .dg-frame { fill: #0f3d2e; stroke: #3fb950; }
.dg-n-runtime > .dg-frame { fill: #10291f; stroke: #3fb950; stroke-dasharray: 3 2; }
.dg-n-registry > .dg-frame { fill: #3b2300; stroke: #d29922; }
.dg-n-repo > .dg-frame { fill: #2a1b00; stroke: #9e6a03; }
.dg-n-image > .dg-frame { fill: #1c2128; stroke: #8b949e; }
.dg-n-newlayers > .dg-frame { fill: none; stroke: #d29922; stroke-dasharray: 4 3; }
.dg-n-layer > .dg-frame { stroke: rgba(0, 0, 0, 0.35); stroke-width: 1; }
.dg-n-layer text { fill: #0d1117 !important; }
.dg-hue-0 > .dg-frame { fill: #79c0ff; } .dg-hue-1 > .dg-frame { fill: #7ee787; }
.dg-hue-2 > .dg-frame { fill: #ffa657; } .dg-hue-3 > .dg-frame { fill: #d2a8ff; }
.dg-hue-4 > .dg-frame { fill: #ff7b72; } .dg-hue-5 > .dg-frame { fill: #e3b341; }
.dg-hue-6 > .dg-frame { fill: #56d4dd; } .dg-hue-7 > .dg-frame { fill: #f778ba; }
.dg-n-container > .dg-frame, .dg-n-group > .dg-frame { fill: #1f2a37; stroke: #8b949e; }
.dg-s-created > .dg-frame { fill: #1f2a37; stroke: #8b949e; stroke-dasharray: 4 3; }
.dg-s-running > .dg-frame { fill: #0f3d2e; stroke: #3fb950; }
.dg-s-paused > .dg-frame { fill: #3b2e00; stroke: #d29922; }
.dg-s-restarting > .dg-frame { fill: #3d1f00; stroke: #f0883e; }
.dg-s-exited > .dg-frame { fill: #21262d; stroke: #6e7681; }
.dg-s-removing > .dg-frame, .dg-s-dead > .dg-frame { fill: #3d0f12; stroke: #f85149; }
.dg-n-group > .dg-frame { stroke-dasharray: 5 3; }
.dg-n-writable > .dg-frame { fill: rgba(255, 255, 255, 0.14); stroke: none; }
.dg-n-kernel > .dg-frame { fill: #1b1530; stroke: #a371f7; }
.dg-n-port > .dg-frame { fill: #161b22; stroke: #6e7681; }
.dg-n-port.dg-on > .dg-frame { fill: #3d1f00; stroke: #f0883e; }
.dg-n-volume > .dg-frame { fill: #0d2a3a; stroke: #39c5cf; }
.dg-n-netchip > .dg-frame { fill: none; stroke: #1f6feb; stroke-dasharray: 3 3; }
.dg-off > .dg-frame { fill: #21262d !important; stroke: #f85149 !important; stroke-dasharray: 6 4; }
.dg-w { fill: none; stroke: #30363d; stroke-width: 1.2; }
.dg-w-api { stroke: #58a6ff; stroke-width: 2; }
.dg-w-registry { stroke: #d29922; stroke-width: 2; }
.dg-w-image { stroke: #484f58; }
.dg-compact .dg-w-image, .dg-compact .dg-w-volume { opacity: 0.35; }
.dg-compact .dg-w-lit { opacity: 1; }
.dg-w-volume { stroke: #39c5cf; stroke-dasharray: 3 2; }
.dg-w-network { stroke: #1f6feb; stroke-dasharray: 2 3; }
.dg-w-port { stroke: #f0883e; stroke-width: 1.5; }
.dg-w-lit { stroke: var(--accent, #58a6ff); stroke-width: 3; }
.dg-arrowhead { fill: #f0883e; }
.dg-canvas { position: relative; }
.dg-packets { position: absolute; left: 0; top: 0; width: 0; height: 0; transform-origin: 0 0; pointer-events: none; }
.dg-packet { position: absolute; left: 0; top: 0; width: 0; height: 0; will-change: transform; pointer-events: none; --dg-pc: var(--accent, #58a6ff); }
.dg-packet-dot { position: absolute; left: -6px; top: -6px; width: 12px; height: 12px; border-radius: 50%; background: var(--dg-pc); border: 2px solid #0d1117; box-sizing: border-box; }
.dg-packet-label { position: absolute; left: 0; bottom: 9px; transform: translateX(-50%); white-space: nowrap; background: #0d1117; color: var(--text, #e6edf3); border: 1.2px solid var(--dg-pc); border-radius: 9px; padding: 0 7px; font-family: var(--mono, monospace); font-size: 10.5px; line-height: 16px; }
.dg-p-reply { --dg-pc: #3fb950; } .dg-p-error { --dg-pc: #f85149; } .dg-p-data { --dg-pc: #e3b341; }
.dg-p-signal { --dg-pc: #f0883e; } .dg-p-runtime { --dg-pc: #a371f7; }
.dg-caption { margin: 0; min-height: 2.6em; font-size: 0.95rem; line-height: 1.3; }
.dg-log h3 { margin: 0 0 0.2rem; font-size: 0.8rem; color: var(--muted, #8b949e); font-weight: 600; }
.dg-log ul { position: relative; margin: 0; padding: 0; list-style: none; max-height: 6.4rem; overflow-y: auto; font-size: 0.82rem; }
.dg-log li { margin: 0.1rem 0 0.1rem 1rem; }
.dg-log li::before { content: "›"; margin-left: -0.8rem; width: 0.8rem; display: inline-block; color: var(--muted, #8b949e); }
.dg-log .dg-log-cmd { margin-left: 0; margin-top: 0.35rem; font-family: var(--mono, monospace); color: var(--accent, #58a6ff); }
.dg-log .dg-log-cmd::before, .dg-log .dg-log-empty::before { content: none; }
.dg-log .dg-log-empty { margin-left: 0; color: var(--muted, #8b949e); }
.dg-inspector { position: absolute; top: 0.4rem; right: 0.4rem; bottom: 0.4rem; width: min(22rem, 92%); overflow-y: auto; background: var(--panel, #161b22); border: 1px solid var(--panel-border, #30363d); border-radius: 8px; padding: 0.6rem 0.8rem; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.5); font-size: 0.85rem; }
.dg-inspector header { display: flex; align-items: baseline; gap: 0.5rem; }
.dg-inspector h3 { margin: 0; font-size: 1rem; flex: 1; overflow-wrap: anywhere; }
.dg-insp-kind { font-size: 0.75rem; color: var(--muted, #8b949e); text-transform: uppercase; letter-spacing: 0.05em; }
.dg-insp-close { background: none; border: 1px solid var(--panel-border, #30363d); color: inherit; border-radius: 6px; font-size: 1.1rem; line-height: 1; padding: 0.1rem 0.45rem; cursor: pointer; }
.dg-insp-summary { margin: 0.4rem 0 0.6rem; color: var(--muted, #8b949e); }
.dg-inspector h4 { margin: 0.6rem 0 0.2rem; font-size: 0.85rem; }
.dg-inspector dl { margin: 0; }
.dg-inspector dl > div { display: grid; grid-template-columns: minmax(6rem, 40%) 1fr; gap: 0.5rem; padding: 0.12rem 0; border-top: 1px solid rgba(110, 118, 129, 0.2); }
.dg-inspector dt { color: var(--muted, #8b949e); overflow-wrap: anywhere; }
.dg-inspector dd { margin: 0; font-family: var(--mono, monospace); font-size: 0.78rem; white-space: pre-wrap; overflow-wrap: anywhere; }
@media (max-width: 600px) {
  .dg-inspector { top: auto; left: 0.3rem; right: 0.3rem; width: auto; max-height: 60%; }
  .dg-top .pane-title, .dg-log { display: none; }
  .dg-top { justify-content: flex-start; }
  .dg-caption { min-height: 2.6em; font-size: 0.9rem; }
}
@media (prefers-reduced-motion: reduce) {
  .dg-frame, .dg-w { transition: none !important; }
}
"#;
