// Overlay styles, scoped by the shadow root: compact, neutral, close to helpdesk side-panel apps.
export const OVERLAY_CSS = `
:host { all: initial; display: block; }
.pd { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; background: #fff;
  border: 1px solid #d9dee4; border-radius: 6px; padding: 10px 12px; margin: 8px 0; max-width: 360px; box-shadow: 0 1px 2px rgba(0,0,0,.04); }
.pd-head { display: flex; justify-content: space-between; font-weight: 600; font-size: 12px; color: #0b5c55; text-transform: uppercase; letter-spacing: .04em; margin-bottom: 6px; }
.pd-muted { color: #616e7c; font-weight: 400; }
.pd-requester { margin-bottom: 6px; overflow-wrap: anywhere; }
.pd-detect { background: #f5f7fa; border-radius: 4px; padding: 6px 8px; margin-bottom: 6px; }
.pd-detect--yes { background: #fff4e5; border-left: 3px solid #d97706; }
.pd-evidence { margin: 4px 0 0; padding-left: 16px; color: #52606d; font-style: italic; }
.pd-records { margin-bottom: 8px; }
.pd-actions { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.pd-field { display: grid; gap: 2px; margin-bottom: 6px; }
select, input { font: inherit; padding: 3px 6px; border: 1px solid #cbd2d9; border-radius: 4px; background: #fff; color: inherit; max-width: 100%; }
button { font: inherit; cursor: pointer; }
.pd-primary { background: #0b5c55; color: #fff; border: 0; border-radius: 4px; padding: 4px 10px; }
.pd-primary[disabled] { opacity: .6; cursor: progress; }
.pd-link { background: none; border: 0; color: #1f6feb; padding: 0; margin-top: 6px; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid #1f6feb; outline-offset: 1px; }
.pd-ok { color: #0b6e4f; margin: 6px 0 0; }
.pd-warn { color: #b42318; margin: 6px 0 0; }
.pd-diag summary { cursor: pointer; color: #52606d; margin-top: 6px; }
.pd-diag pre { max-height: 240px; overflow: auto; font: 11px/1.3 ui-monospace, monospace; background: #f5f7fa; padding: 6px; white-space: pre; }
.pd-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media (prefers-color-scheme: dark) {
  .pd { background: #1f2328; color: #e6edf3; border-color: #30363d; }
  /* The light scheme's teal and blue fall below 4.5:1 on the dark card (axe, test/e2e/a11y.e2e.ts). */
  .pd-head { color: #3fb9a8; }
  .pd-link { color: #58a6ff; }
  .pd-ok { color: #56d364; } .pd-warn { color: #ff7b72; }
  .pd-detect { background: #262c33; } .pd-detect--yes { background: #3a2a12; }
  .pd-muted, .pd-evidence { color: #9aa5b1; }
  select, input { background: #0d1117; border-color: #30363d; }
}
/* Record consent / log processing event (overlay-register.tsx). */
.pd-register { margin-top: 8px; padding-top: 8px; border-top: 1px solid #e4e7eb; }
.pd-register > .pd-actions button:not(.pd-primary):not(.pd-link), .pd-form .pd-actions button:not(.pd-primary):not(.pd-link) { background: #f5f7fa; border: 1px solid #cbd2d9; border-radius: 4px; padding: 4px 10px; color: inherit; }
.pd-register button[aria-expanded="true"] { border-color: #0b5c55; color: #0b5c55; }
.pd-more { margin-top: 8px; }
.pd-more > summary { cursor: pointer; color: #616e7c; font-size: 12px; }
.pd-more > button { margin-top: 6px; background: #f5f7fa; border: 1px solid #cbd2d9; border-radius: 4px; padding: 4px 10px; color: inherit; }
.pd-form { display: grid; gap: 2px; margin-top: 8px; padding: 8px; background: #f5f7fa; border-radius: 4px; }
.pd-form .pd-link { margin-top: 0; }
textarea { font: inherit; padding: 3px 6px; border: 1px solid #cbd2d9; border-radius: 4px; background: #fff; color: inherit; max-width: 100%; resize: vertical; box-sizing: border-box; width: 100%; }
.pd-form select, .pd-form input { width: 100%; box-sizing: border-box; }
textarea:focus-visible { outline: 2px solid #1f6feb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .pd-register { border-top-color: #30363d; }
  .pd-form, .pd-register > .pd-actions button:not(.pd-primary):not(.pd-link) { background: #262c33; border-color: #30363d; }
  textarea { background: #0d1117; border-color: #30363d; }
  .pd-more > summary { color: #9aa5b1; }
  .pd-more > button { background: #262c33; border-color: #30363d; }
}
`;
