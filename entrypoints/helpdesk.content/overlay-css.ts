// Overlay styles, scoped by the shadow root. Compact: one line of about 30 px in the helpdesk's own
// column (full width of the anchor, no card of its own width), so the customer's message moves down
// by no more than that; details open below on demand.
export const OVERLAY_CSS = `
:host { all: initial; display: block; }
.pd { box-sizing: border-box; font: 12.5px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; background: #fff;
  border: 1px solid #d9dee4; border-left: 3px solid #0b5c55; border-radius: 4px; padding: 3px 6px; margin: 4px 0; width: 100%; }
.pd * { box-sizing: border-box; }
.pd { container-type: inline-size; }
.pd-row { display: flex; align-items: center; gap: 6px; min-height: 24px; flex-wrap: nowrap; }
.pd-brand { flex: none; font-weight: 700; font-size: 10px; letter-spacing: .04em; color: #fff; background: #0b5c55; border-radius: 3px; padding: 1px 4px; }
.pd-requester { flex: 1 1 0; min-width: 60px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.pd-grow { flex: 1 1 auto; min-width: 0; }
.pd-muted { color: #616e7c; font-weight: 400; }
.pd-chip { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; border-radius: 10px; padding: 1px 8px; background: #f0f2f5; color: #3e4c59; }
.pd-chip--yes { background: #fff4e5; color: #8a4b08; box-shadow: inset 0 0 0 1px #f0b66b; }
.pd-chip--due { background: #e8f3f1; color: #0b5c55; }
.pd-chip--quiet { background: none; color: #616e7c; padding: 1px 2px; }
.pd-evidence { margin: 2px 0 4px; padding-left: 16px; color: #52606d; font-style: italic; }
.pd-more { border-top: 1px solid #e4e7eb; margin-top: 4px; padding: 6px 0 2px; }
.pd-more p { margin: 0 0 4px; }
.pd-actions { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.pd-inline { display: flex; gap: 6px; align-items: end; flex-wrap: wrap; margin-bottom: 4px; }
.pd-field { display: grid; gap: 2px; margin-bottom: 6px; }
.pd-inline .pd-field { margin-bottom: 0; flex: 1 1 220px; }
select, input { font: inherit; padding: 2px 4px; border: 1px solid #cbd2d9; border-radius: 4px; background: #fff; color: inherit; max-width: 100%; }
.pd-row select { flex: 0 1 auto; min-width: 90px; max-width: 190px; }
button { font: inherit; cursor: pointer; }
.pd-primary { flex: none; background: #0b5c55; color: #fff; border: 0; border-radius: 4px; padding: 3px 10px; white-space: nowrap; }
.pd-primary[disabled] { opacity: .55; cursor: not-allowed; }
.pd-secondary { background: #f5f7fa; border: 1px solid #cbd2d9; border-radius: 4px; padding: 3px 10px; color: inherit; }
.pd-toggle { flex: none; background: none; border: 1px solid #cbd2d9; border-radius: 4px; width: 24px; height: 22px; padding: 0; color: #3e4c59; }
.pd-link { background: none; border: 0; color: #1f6feb; padding: 0; margin-top: 6px; }
.pd-row .pd-link { margin-top: 0; flex: none; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid #1f6feb; outline-offset: 1px; }
.pd-ok { color: #0b6e4f; margin: 3px 0 0; }
.pd-warn { color: #b42318; margin: 3px 0 0; }
.pd-row .pd-warn { margin: 0; }
.pd-diag summary { cursor: pointer; color: #52606d; margin-top: 4px; }
.pd-diag pre { max-height: 240px; overflow: auto; font: 11px/1.3 ui-monospace, monospace; background: #f5f7fa; padding: 6px; white-space: pre; }
.pd-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
/* A narrow anchor (a helpdesk's sidebar): the line wraps — requester and toggle, then what was
   detected, then the type and the flag button — instead of cutting the button off. */
@container (max-width: 560px) {
  .pd-row { flex-wrap: wrap; row-gap: 4px; }
  .pd-brand { order: 0; } .pd-requester { order: 1; flex: 1 1 calc(100% - 70px); } .pd-toggle { order: 2; }
  .pd-chip { order: 3; max-width: 100%; }
  .pd-row select { order: 4; flex: 1 1 120px; max-width: none; } .pd-primary { order: 5; }
}
@media (prefers-color-scheme: dark) {
  .pd { background: #1f2328; color: #e6edf3; border-color: #30363d; border-left-color: #3fb9a8; }
  /* The light scheme's teal and blue fall below 4.5:1 on the dark card (axe, test/e2e/a11y.e2e.ts). */
  .pd-link { color: #58a6ff; }
  .pd-ok { color: #56d364; } .pd-warn { color: #ff7b72; }
  .pd-chip { background: #262c33; color: #c9d1d9; } .pd-chip--yes { background: #3a2a12; color: #f5c27a; box-shadow: inset 0 0 0 1px #6b4a1a; }
  .pd-chip--due { background: #13302c; color: #7ee2d4; } .pd-chip--quiet { background: none; color: #9aa5b1; }
  .pd-muted, .pd-evidence { color: #9aa5b1; }
  .pd-toggle { color: #c9d1d9; border-color: #30363d; }
  .pd-secondary { background: #262c33; border-color: #30363d; }
  .pd-more { border-top-color: #30363d; }
  select, input { background: #0d1117; border-color: #30363d; }
}
/* Record consent / log processing event (overlay-register.tsx). */
.pd-register { margin-top: 4px; }
.pd-register > .pd-actions button:not(.pd-primary):not(.pd-link), .pd-form .pd-actions button:not(.pd-primary):not(.pd-link) { background: #f5f7fa; border: 1px solid #cbd2d9; border-radius: 4px; padding: 3px 10px; color: inherit; }
.pd-register button[aria-expanded="true"] { border-color: #0b5c55; color: #0b5c55; }
.pd-breach > button { margin-top: 6px; background: #f5f7fa; border: 1px solid #cbd2d9; border-radius: 4px; padding: 4px 10px; color: inherit; }
.pd-form { display: grid; gap: 2px; margin-top: 6px; padding: 8px; background: #f5f7fa; border-radius: 4px; max-width: 520px; }
.pd-form .pd-link { margin-top: 0; }
textarea { font: inherit; padding: 3px 6px; border: 1px solid #cbd2d9; border-radius: 4px; background: #fff; color: inherit; max-width: 100%; resize: vertical; width: 100%; }
.pd-form select, .pd-form input { width: 100%; }
textarea:focus-visible { outline: 2px solid #1f6feb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .pd-form, .pd-register > .pd-actions button:not(.pd-primary):not(.pd-link) { background: #262c33; border-color: #30363d; }
  .pd-register button[aria-expanded="true"] { border-color: #3fb9a8; color: #3fb9a8; }
  textarea { background: #0d1117; border-color: #30363d; }
  .pd-breach > button { background: #262c33; border-color: #30363d; }
}
`;
