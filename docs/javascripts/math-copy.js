// Copying text that holds formulas: browsers put a line break between every MathML token
// (Δ⏎output⏎≈⏎…), so the plain text on the clipboard gets each formula as one run of text
// ("Δoutput≈∑j…"), the prose around it as the browser would copy it, and the HTML unchanged.
document.addEventListener("copy", (event) => {
  const selection = getSelection();
  if (!selection.rangeCount || !event.clipboardData) return;
  const range = selection.getRangeAt(0);
  const start = range.commonAncestorContainer;
  const inside = (start.nodeType === Node.ELEMENT_NODE ? start : start.parentElement)?.closest("math");
  const fragment = range.cloneContents();
  const formulas = fragment.querySelectorAll("math");
  if (!inside && !formulas.length) return;
  const box = document.createElement("div");
  box.append(fragment.cloneNode(true));
  const html = box.innerHTML;
  let text;
  if (inside) {
    text = selection.toString().replace(/\s*\n\s*/g, "");
  } else {
    for (const math of box.querySelectorAll("math")) math.replaceWith(math.textContent);
    box.style.cssText = "position: fixed; left: -10000px; top: 0; width: 40em";
    document.body.append(box);
    text = box.innerText;
    box.remove();
  }
  event.clipboardData.setData("text/plain", text);
  event.clipboardData.setData("text/html", html);
  event.preventDefault();
});
