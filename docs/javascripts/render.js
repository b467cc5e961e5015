// The article's blocks below the first screen start skipped (content-visibility: auto, in
// extra.css's "Rendering cost"), so the first style and layout cover what is on screen only.
// - Once the page is idle, the blocks are rendered one per idle period (.rendered), so no task
//   grows long; then every block has its real size and background, as tools that read boxes and
//   colours without scrolling (axe) expect.
// - Going to a #target renders every block first and goes there again: laid out for the first
//   time, the blocks above it would no longer be the height they held and move it, and those below
//   would not yet give the page the length to bring it to the top.
// Both run again on each page Material's instant navigation brings.
(() => {
  const SKIPPED =
    ".md-content__inner > :nth-child(n + 7):is(p, ul, ol, dl, blockquote, figure, details, .admonition," +
    " .highlight, .math-display, .md-typeset__scrollwrap, .footnote):not(.rendered)";
  const idle = window.requestIdleCallback || ((run) => setTimeout(run, 50));
  let running = false;

  const next = () => {
    const block = document.querySelector(SKIPPED);
    running = Boolean(block);
    if (!block) return;
    block.classList.add("rendered");
    requestAnimationFrame(() => idle(next, { timeout: 1000 })); // after this block's frame
  };
  const start = () => {
    if (running || document.readyState !== "complete") return;
    running = true;
    idle(next, { timeout: 2000 });
  };

  const settle = () => {
    let id = "";
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return; // a malformed hash names no element
    }
    const target = id && document.getElementById(id);
    if (!target) return;
    const skipped = document.querySelectorAll(SKIPPED);
    if (!skipped.length) return;
    for (const block of skipped) block.classList.add("rendered");
    target.scrollIntoView();
  };

  addEventListener("load", () => { settle(); start(); }, { once: true });
  addEventListener("hashchange", settle);
  if (window.document$) window.document$.subscribe(() => { settle(); start(); });
})();
