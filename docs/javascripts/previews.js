// Touch screens have no hover: a first tap on an equation, footnote or glossary-term link shows
// its preview (Material's tooltip opens on focus), and a second tap on the same link follows it.
// One pair of listeners on the document: nothing runs per link on load, and it keeps working
// after Material's instant navigation swaps the page.
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
})();
