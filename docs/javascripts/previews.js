// Previews in place, bound on first hover, focus or tap instead of on every element at load (the
// chapter has about a hundred): five listeners on the document serve every page, also after
// Material's instant navigation swaps it.
// - An equation reference (a.equation-ref, scripts/references.py) shows the equation with its
//   number. On its own page the equation is cloned from the page: no request, no site_url. From
//   another page it is read from the link's own URL (relative, so it works on any host, port or
//   path), once per page; until that arrives, or if it fails, the link's title shows instead.
// - Any other element with a title (glossary terms: English term and definition; permalinks;
//   buttons) shows its title. The title leaves the element while shown, so the browser's own
//   tooltip does not cover ours, and the tooltip describes it (aria-describedby).
// The tooltip uses Material's look (.md-tooltip2, role="tooltip": not a heading) and stays while
// the pointer is over the element or the tooltip, or the element has focus; Escape hides it
// without moving focus or the pointer (WCAG 1.4.13). Footnotes keep Material's own tooltips.
// Touch screens have no hover: a first tap on a link with a preview shows it (on focus) instead of
// following the link, and a second tap on the same link follows it.
(() => {
  const TOUCHED = "a.equation-ref, a.footnote-ref, a.glossary-term";
  const TITLED = 'a.equation-ref, [title]:not([title=""])';
  const pages = new Map(); // page URL → Promise of its parsed document, or null if it failed
  let tip = null;
  let host = null;
  let title = "";
  let timer = 0;
  let touch = false;
  let tapped = null;

  // The equation of the element `source` (#eqtnN): its MathML and its number, in one box.
  const equation = (source) => {
    const box = document.createElement("div");
    box.className = "preview__equation";
    for (const part of source.querySelectorAll(":scope > math, :scope > .math-number")) {
      box.append(document.importNode(part, true));
    }
    return box.childElementCount ? box : null;
  };

  const text = (words) => {
    const p = document.createElement("p");
    p.textContent = words;
    return p;
  };

  // The page at `url` (same origin only: the site asks no other host), fetched and parsed once.
  const page = (url) => {
    if (!pages.has(url)) {
      const parsed = fetch(url)
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${url}`))))
        .then((html) => new DOMParser().parseFromString(html, "text/html"))
        .catch(() => null);
      pages.set(url, parsed);
    }
    return pages.get(url);
  };

  // What `link` previews: a node now, or a promise of one (an equation on another page).
  const content = (link, words) => {
    if (!link.matches("a.equation-ref")) return text(words);
    const url = new URL(link.href);
    let id = "";
    try {
      id = decodeURIComponent(url.hash.slice(1));
    } catch {
      return text(words); // a malformed #fragment names no equation
    }
    url.hash = "";
    const here = new URL(location.href);
    here.hash = "";
    if (url.href === here.href) {
      const source = document.getElementById(id);
      return (source && equation(source)) || text(words);
    }
    if (url.origin !== location.origin) return text(words);
    return page(url.href).then((doc) => {
      const source = doc && doc.getElementById(id);
      return (source && equation(source)) || text(words);
    });
  };

  const element = () => {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "md-tooltip2 md-tooltip2--bottom preview";
      tip.id = "__preview";
      tip.setAttribute("role", "tooltip");
      tip.innerHTML = '<div class="md-tooltip2__inner md-typeset"></div>';
    }
    if (!tip.isConnected) document.body.append(tip);
    return tip;
  };

  // Below the element, centred on it, as Material places a tooltip (its CSS reads these variables).
  const fill = (node) => {
    const inner = tip.firstElementChild;
    inner.replaceChildren(node);
    tip.classList.toggle("preview--equation", node.classList.contains("preview__equation"));
    const r = host.getBoundingClientRect();
    tip.style.setProperty("--md-tooltip-host-x", `${r.x + scrollX}px`);
    tip.style.setProperty("--md-tooltip-host-y", `${r.y + scrollY}px`);
    tip.style.setProperty("--md-tooltip-x", `${r.width / 2}px`);
    tip.style.setProperty("--md-tooltip-y", `${8 + r.height}px`);
    tip.style.setProperty("--md-tooltip-tail", "0px");
    tip.style.removeProperty("--md-tooltip-width");
    tip.style.setProperty("--md-tooltip-width", `${inner.offsetWidth}px`);
  };

  const show = (target) => {
    clearTimeout(timer);
    timer = 0;
    if (target === host) return;
    hide();
    host = target;
    title = target.getAttribute("title") || "";
    target.removeAttribute("title");
    const shown = content(target, title);
    element();
    if (shown instanceof Promise) {
      fill(text(title));
      tip.setAttribute("aria-busy", "true");
      shown.then((node) => {
        if (host !== target) return;
        tip.removeAttribute("aria-busy");
        fill(node);
      });
    } else {
      tip.removeAttribute("aria-busy");
      fill(shown);
    }
    target.setAttribute("aria-describedby", tip.id);
    requestAnimationFrame(() => host === target && tip.classList.add("md-tooltip2--active"));
  };

  const hide = () => {
    clearTimeout(timer);
    timer = 0;
    if (!host) return;
    tip.classList.remove("md-tooltip2--active");
    tip.removeAttribute("aria-busy");
    host.removeAttribute("aria-describedby");
    if (title) host.setAttribute("title", title);
    host = null;
  };

  // Hide soon, unless the pointer reached the tooltip or came back, or the element has focus.
  const leave = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = 0;
      if (host && !(host.isConnected && host.matches(":hover, :focus")) && !tip.matches(":hover")) hide();
    }, 250);
  };

  const titled = (target) => {
    const found = target instanceof Element ? target.closest(TITLED) : null;
    return found && found !== tip && !tip?.contains(found) ? found : null;
  };

  document.addEventListener("mouseover", (ev) => {
    const target = titled(ev.target);
    if (target) show(target);
    else if (host && !tip.contains(ev.target)) leave();
  });
  document.addEventListener("focusin", (ev) => {
    const target = titled(ev.target);
    if (target) show(target);
  });
  document.addEventListener("focusout", (ev) => {
    if (ev.target === host) leave();
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    hide();
    for (const open of document.querySelectorAll(".md-tooltip2--active")) open.classList.remove("md-tooltip2--active");
  });

  document.addEventListener("pointerdown", (ev) => { touch = ev.pointerType === "touch"; }, true);
  document.addEventListener("click", (ev) => {
    const link = touch && ev.target instanceof Element ? ev.target.closest(TOUCHED) : null;
    if (!link || link === tapped) {
      tapped = null;
      return;
    }
    ev.preventDefault();
    ev.stopPropagation(); // keep instant navigation from following it
    tapped = link;
    link.focus({ preventScroll: true });
    link.addEventListener("blur", () => { if (tapped === link) tapped = null; }, { once: true });
  }, true);
})();
