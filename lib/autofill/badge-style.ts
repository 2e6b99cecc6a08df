/** The badge's own styles, inside its shadow root (the page's styles never reach in). */
export const BADGE_STYLE = `
:host { all: initial; position: absolute; z-index: 2147483646; }
[hidden] { display: none !important; }
.badge { display: flex; align-items: center; gap: 6px; padding: 2px 4px 2px 8px; border-radius: 999px;
  background: #1f5fbf; color: #fff; font: 600 12px/1.6 system-ui, 'Hiragino Sans', 'Noto Sans CJK JP',
  Meiryo, sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.25); white-space: nowrap; }
.code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; letter-spacing: .04em; }
.left { opacity: .85; font-weight: 400; }
button { font: inherit; cursor: pointer; border: 0; border-radius: 999px; background: #fff;
  color: #1f5fbf; padding: 1px 8px; }
button:focus-visible { outline: 2px solid #ffd54f; outline-offset: 1px; }
.chooser { display: flex; flex-direction: column; align-items: stretch; gap: 4px; padding: 6px;
  border-radius: 10px; }
.chooser .left { opacity: 1; }
.chooser button { display: flex; flex-direction: column; align-items: flex-start; border-radius: 6px;
  padding: 3px 8px; text-align: left; }
.chooser .name { font-weight: 400; font-size: 11px; color: #333; }
.noted { flex-wrap: wrap; width: max-content; max-width: 20em; white-space: normal; border-radius: 10px;
  padding: 4px 6px 4px 8px; }
.note { flex-basis: 100%; font-weight: 400; line-height: 1.5; }
.mini { display: flex; align-items: center; justify-content: center; width: 22px; height: 22px;
  padding: 0; background: #1f5fbf; color: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.mini svg { width: 14px; height: 14px; fill: currentColor; }
`;
