// content-visibility: auto (stylesheets/extra.css) lays out a block only once it comes near the
// screen, so going to #target can lay out the blocks just above it for the first time, and they
// may be taller than the space they held, pushing the target down. After the browser has gone to a
// #target (by a link, on load, or by Material's instant navigation), go to it again once those blocks have been laid out (two frames), unless the reader has
// scrolled meanwhile.
(() => {
  const settle = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target) return;
    let moved = false;
    const stop = () => { moved = true; };
    for (const type of ["wheel", "touchstart", "keydown"]) addEventListener(type, stop, { once: true, passive: true });
    const again = (frames) => requestAnimationFrame(() => {
      if (moved) return;
      if (Math.abs(target.getBoundingClientRect().top - top) > 1) target.scrollIntoView();
      if (frames > 1) again(frames - 1);
    });
    const top = target.getBoundingClientRect().top;
    again(3);
  };
  addEventListener("load", settle);
  addEventListener("hashchange", settle);
  // Material's instant navigation swaps pages without a load event and announces each on document$.
  if (window.document$) window.document$.subscribe(settle);
})();
