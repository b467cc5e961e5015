// What Material's tooltips lack, for equation, footnote and glossary-term previews:
// - touch screens have no hover: a first tap on such a link shows its preview (Material opens it
//   on focus) instead of leaving the paragraph, and a second tap on the same link follows it;
// - Escape hides an open preview without moving focus or the pointer (WCAG 1.4.13).
// Three listeners on the document: nothing runs per link on load, and they keep working after
// Material's instant navigation swaps the page.
(() => {
  const PREVIEWS = "a[data-preview], a.footnote-ref, a.glossary-term";
  let touch = false;
  let shown = null;
  document.addEventListener("pointerdown", (ev) => { touch = ev.pointerType === "touch"; }, true);
  document.addEventListener("click", (ev) => {
    const link = touch && ev.target instanceof Element ? ev.target.closest(PREVIEWS) : null;
    if (!link || link === shown) {
      shown = null;
      return;
    }
    ev.preventDefault();
    ev.stopPropagation(); // keep instant navigation from following it
    shown = link;
    link.focus({ preventScroll: true });
    link.addEventListener("blur", () => { if (shown === link) shown = null; }, { once: true });
  }, true);
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    for (const tip of document.querySelectorAll(".md-tooltip2--active")) tip.classList.remove("md-tooltip2--active");
  });
})();
