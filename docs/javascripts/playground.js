/*
 * Browser playground for the "Sigmoid neurons" page (docs/playground.md).
 *
 * One sigmoid neuron with two inputs. The sliders set x1, x2, w1, w2, b and the scale c;
 * the outputs show z = w·x + b, the scaled neuron's output σ(c·z), the perceptron's
 * output step(z), and — for a nudge of w1 by Δw — the exact change of σ(c·z) beside the
 * linear estimate of equation (5). The numbers are a port of snippets/ and agree with it.
 *
 * The state (x1, x2, w1, w2, b, c, Δw) lives in the URL hash, e.g. #w1=2&w2=-1&b=-0.3&c=100, so
 * a setting can be shared and linked to: read on load, on instant navigation and on hashchange,
 * written with history.replaceState (no new history entries) a moment after the controls stop.
 *
 * No library and no network. Material's instant navigation swaps the page without reloading
 * scripts, so we subscribe to its `document$` observable and set up every new
 * `[data-playground]` root exactly once.
 */
(function () {
  "use strict";

  if (window.__sigmoidPlaygroundLoaded) return; // the script itself ran twice: subscribe once
  window.__sigmoidPlaygroundLoaded = true;

  var SVG_NS = "http://www.w3.org/2000/svg";
  var Z_MIN = -6;
  var Z_MAX = 6;
  // Plot area inside the SVG's viewBox (0 0 600 300).
  var PLOT = { left: 48, right: 584, top: 16, bottom: 256 };

  // ── Numerics: ports of snippets.sigmoid / sigmoid_prime / step ──────────────────────────

  // σ(z) with e = exp(-|z|), which never overflows: 1/(1 + e) for z ≥ 0, e/(1 + e) for z < 0.
  function sigmoid(z) {
    var e = Math.exp(-Math.abs(z));
    return z >= 0 ? 1 / (1 + e) : e / (1 + e);
  }

  // σ′(z) = σ(z)(1 − σ(z)) = e/(1 + e)², symmetric in z and free of cancellation.
  function sigmoidPrime(z) {
    var e = Math.exp(-Math.abs(z));
    return e / (1 + e) / (1 + e);
  }

  // The perceptron's step: 1 for z > 0 and 0 for z ≤ 0 (the book's footnote: 0 at z = 0).
  function step(z) {
    return z > 0 ? 1 : 0;
  }

  // Everything the page shows, from the slider values.
  function compute(v) {
    var z = v.w1 * v.x1 + v.w2 * v.x2 + v.b;
    var cz = v.c * z;
    var out = sigmoid(cz);
    return {
      z: z,
      sigmoid: out,
      perceptron: step(z),
      // The scaled neuron has weights c·w and bias c·b, so nudging w1 by Δw moves its
      // weighted input by c·x1·Δw.
      deltaExact: sigmoid(v.c * (z + v.dw * v.x1)) - out,
      deltaLinear: sigmoidPrime(cz) * v.c * v.x1 * v.dw,
    };
  }

  // ── Formatting ──────────────────────────────────────────────────────────────────────────

  // Six decimals with ASCII "-" (parseFloat-friendly); "-0.000000" becomes "0.000000".
  function fixed(x, digits) {
    var s = x.toFixed(digits);
    return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
  }

  // For prose (the plot's description and the status line): the typographic minus sign.
  function pretty(x, digits) {
    return fixed(x, digits).replace("-", "\u2212");
  }

  // ── The state in the URL hash ───────────────────────────────────────────────────────────
  //
  // #x1=0.638&x2=0.2&w1=2&w2=-1&b=-0.3&c=1&dw=0.1, in this order; any subset, any order on reading.
  // Reading is strict because the hash is anyone's text: only these names, only plain decimal
  // numbers (no NaN, Infinity, hex or percent-escapes), finite, clamped to the control's range.
  // Anything else leaves that control at its default. The hash never reaches the page's HTML:
  // only numbers parsed from it are assigned to the inputs' values.

  var STATE = ["x1", "x2", "w1", "w2", "b", "c", "dw"];
  var NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d{1,3})?$/;
  var MAX_HASH = 512; // a longer hash is not one this page wrote: ignore all of it
  var MAX_NUMBER = 24; // characters in one value
  var SAVE_DELAY = 250; // ms after the last change before the hash is rewritten

  // Return {name: number} for the valid entries of `hash` (with or without its "#").
  function parseHash(hash) {
    var found = {};
    if (typeof hash !== "string") return found;
    if (hash.charAt(0) === "#") hash = hash.slice(1);
    if (!hash || hash.length > MAX_HASH) return found;
    hash.split("&").forEach(function (pair) {
      var eq = pair.indexOf("=");
      if (eq < 1) return;
      var name = pair.slice(0, eq);
      var text = pair.slice(eq + 1);
      if (STATE.indexOf(name) < 0 || text.length > MAX_NUMBER || !NUMBER.test(text)) return;
      var value = Number(text);
      if (isFinite(value)) found[name] = value;
    });
    return found;
  }

  // `value` limited to the input's min and max (a range input also snaps it to its step).
  function clamp(input, value) {
    var min = parseFloat(input.min);
    var max = parseFloat(input.max);
    if (isFinite(min) && value < min) value = min;
    if (isFinite(max) && value > max) value = max;
    return value;
  }

  // ── Drawing ─────────────────────────────────────────────────────────────────────────────

  function px(z) {
    return PLOT.left + ((z - Z_MIN) / (Z_MAX - Z_MIN)) * (PLOT.right - PLOT.left);
  }

  function py(y) {
    return PLOT.bottom - y * (PLOT.bottom - PLOT.top);
  }

  function r(x) {
    return Math.round(x * 100) / 100;
  }

  function svg(tag, attrs, parent) {
    var el = document.createElementNS(SVG_NS, tag);
    for (var k in attrs) el.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(el);
    return el;
  }

  // Static parts: axes, ticks, the step function, the legend; and the moving parts to update.
  function drawFrame(plot) {
    var g = svg("g", {}, plot);
    svg("line", { class: "pg-axis", x1: PLOT.left, x2: PLOT.right, y1: py(0), y2: py(0) }, g);
    svg("line", { class: "pg-axis", x1: px(0), x2: px(0), y1: PLOT.top, y2: PLOT.bottom }, g);
    svg("line", { class: "pg-grid", x1: PLOT.left, x2: PLOT.right, y1: py(1), y2: py(1) }, g);
    svg("line", { class: "pg-grid", x1: PLOT.left, x2: PLOT.right, y1: py(0.5), y2: py(0.5) }, g);
    for (var t = Z_MIN; t <= Z_MAX; t += 2) {
      svg("line", { class: "pg-axis", x1: px(t), x2: px(t), y1: py(0), y2: py(0) + 5 }, g);
      svg("text", { class: "pg-tick", x: px(t), y: py(0) + 20, "text-anchor": "middle" }, g).textContent =
        t < 0 ? "\u2212" + -t : String(t);
    }
    [0, 0.5, 1].forEach(function (y) {
      svg("text", { class: "pg-tick", x: PLOT.left - 8, y: py(y) + 5, "text-anchor": "end" }, g).textContent =
        String(y);
    });
    svg("text", { class: "pg-tick", x: PLOT.right, y: py(0) + 38, "text-anchor": "end" }, g).textContent = "z";

    // step(z): 0 up to and including z = 0 (filled dot), 1 after (open dot).
    svg("path", { class: "pg-step", d: "M" + px(Z_MIN) + " " + py(0) + "H" + px(0) + "M" + px(0) + " " + py(1) + "H" + px(Z_MAX) }, g);
    svg("circle", { class: "pg-step-dot", cx: px(0), cy: py(0), r: 4 }, g);
    svg("circle", { class: "pg-step-open", cx: px(0), cy: py(1), r: 4 }, g);

    var curve = svg("path", { class: "pg-curve" }, plot);
    var marker = svg("line", { class: "pg-marker", y1: PLOT.top, y2: PLOT.bottom }, plot);
    var stepDot = svg("circle", { class: "pg-marker-step", r: 5 }, plot);
    var dot = svg("circle", { class: "pg-marker-dot", r: 6 }, plot);
    var label = svg("text", { class: "pg-marker-label", y: PLOT.top + 12 }, plot);
    return { curve: curve, marker: marker, dot: dot, stepDot: stepDot, label: label };
  }

  // σ(c·z) over the plotted range, denser where it is steep (near z = 0 for large c).
  function curvePath(c) {
    var zs = [];
    var n = 240;
    for (var i = 0; i <= n; i++) zs.push(Z_MIN + ((Z_MAX - Z_MIN) * i) / n);
    var halfWidth = Math.min(Z_MAX, 8 / c); // σ(c·z) is within 3.4e-4 of 0 or 1 outside this
    for (var j = 0; j <= 120; j++) zs.push(-halfWidth + (2 * halfWidth * j) / 120);
    zs.sort(function (a, b) {
      return a - b;
    });
    var d = "";
    for (var k = 0; k < zs.length; k++) d += (k ? "L" : "M") + r(px(zs[k])) + " " + r(py(sigmoid(c * zs[k])));
    return d;
  }

  // ── Setting up one playground ───────────────────────────────────────────────────────────

  function setup(root) {
    if (root.hasAttribute("data-playground-ready")) return; // never bind twice
    root.setAttribute("data-playground-ready", "");

    var inputs = {};
    root.querySelectorAll("input[type=range]").forEach(function (el) {
      inputs[el.name] = el;
    });
    var dw = root.querySelector("input[name=dw]");
    var outs = {};
    root.querySelectorAll("[data-out]").forEach(function (el) {
      outs[el.getAttribute("data-out")] = el;
    });
    var shows = {};
    root.querySelectorAll("[data-show]").forEach(function (el) {
      shows[el.getAttribute("data-show")] = el;
    });
    var plot = root.querySelector("[data-plot]");
    var parts = drawFrame(plot.querySelector("[data-plot-area]"));
    var desc = plot.querySelector("desc");
    var status = root.querySelector("[data-status]");
    var lastC = null;
    var controls = {};
    STATE.forEach(function (name) {
      controls[name] = root.querySelector("input[name=" + name + "]");
    });
    var path = location.pathname; // the hash is this page's only
    var pending = null;

    function values() {
      var v = {};
      for (var name in inputs) v[name] = parseFloat(inputs[name].value);
      v.dw = parseFloat(dw.value);
      return v;
    }

    function update() {
      // Counted on the element, not in this closure, so a second binding would show as +2.
      var updates = (parseInt(root.getAttribute("data-updates"), 10) || 0) + 1;
      root.setAttribute("data-updates", String(updates));
      var v = values();
      var res = compute(v);
      kept = { path: path, values: {} };
      STATE.forEach(function (name) {
        kept.values[name] = controls[name].value;
      });

      // The sliders' own values beside them.
      for (var name in inputs) {
        if (shows[name]) shows[name].textContent = pretty(v[name], name === "c" ? 0 : name[0] === "x" ? 3 : 2);
      }

      outs.z.textContent = fixed(res.z, 6);
      outs.sigmoid.textContent = fixed(res.sigmoid, 6);
      outs.perceptron.textContent = String(res.perceptron);
      var dwOk = isFinite(v.dw);
      dw.setAttribute("aria-invalid", dwOk ? "false" : "true");
      outs["delta-exact"].textContent = dwOk ? fixed(res.deltaExact, 6) : "";
      outs["delta-linear"].textContent = dwOk ? fixed(res.deltaLinear, 6) : "";
      if (shows["delta-error"]) {
        shows["delta-error"].textContent = dwOk ? pretty(res.deltaExact - res.deltaLinear, 6) : "Δw에 수를 입력하세요";
      }
      if (shows.dw) shows.dw.textContent = dwOk ? pretty(v.dw, 3) : "?";

      // The plot.
      if (v.c !== lastC) {
        parts.curve.setAttribute("d", curvePath(v.c));
        lastC = v.c;
      }
      var zc = Math.min(Z_MAX, Math.max(Z_MIN, res.z));
      var x = r(px(zc));
      parts.marker.setAttribute("x1", x);
      parts.marker.setAttribute("x2", x);
      parts.dot.setAttribute("cx", x);
      parts.dot.setAttribute("cy", r(py(sigmoid(v.c * zc))));
      parts.stepDot.setAttribute("cx", x);
      parts.stepDot.setAttribute("cy", r(py(step(zc))));
      var outside = res.z < Z_MIN ? " \u2190" : res.z > Z_MAX ? " \u2192" : "";
      parts.label.textContent = "z = " + pretty(res.z, 2) + outside;
      var right = x > px(2.5); // keep the label inside the plot, clear of the axis at z = 0
      parts.label.setAttribute("x", right ? x - 8 : x + 8);
      parts.label.setAttribute("text-anchor", right ? "end" : "start");
      desc.textContent =
        "c = " + pretty(v.c, 0) + "일 때 σ(c·z)의 그래프(실선)와 계단 함수(점선). 현재 z = " + pretty(res.z, 3) +
        "에서 σ(c·z) = " + pretty(res.sigmoid, 3) + ", 퍼셉트론의 출력은 " + res.perceptron + "입니다.";
    }

    // Defaults, then whatever the URL's hash validly sets. A hash without "=" is a plain anchor
    // (a heading's permalink): jumping to it keeps the values the controls had.
    function restore(event) {
      if (location.pathname !== path) return;
      if (event && location.hash.indexOf("=") < 0) return;
      var state = parseHash(location.hash);
      STATE.forEach(function (name) {
        var input = controls[name];
        input.value = name in state ? String(clamp(input, state[name])) : input.defaultValue;
      });
      update();
    }

    // The values this page's previous playground showed (Material re-renders the page when a
    // permalink on it is clicked), or null.
    function carried() {
      if (!kept || kept.path !== path || location.hash.indexOf("=") >= 0) return null;
      return kept.values;
    }

    // "#x1=…&…&dw=…" from the controls' own (browser-normalised) values.
    function currentHash() {
      var parts = [];
      STATE.forEach(function (name) {
        var text = controls[name].value;
        if (NUMBER.test(text)) parts.push(name + "=" + text);
      });
      return "#" + parts.join("&");
    }

    function writeHash(hash) {
      pending = null;
      if (!root.isConnected || location.pathname !== path) return; // navigated away meanwhile
      if (location.hash === hash || (!hash && !location.hash)) return;
      try {
        history.replaceState(history.state, "", hash || location.pathname + location.search);
      } catch (e) {
        // Browsers limit how often the URL may change; the next change writes it again.
      }
    }

    // Rewrite the hash once the controls have been still for SAVE_DELAY ms.
    function saveSoon() {
      if (pending !== null) clearTimeout(pending);
      pending = setTimeout(function () {
        writeHash(currentHash());
      }, SAVE_DELAY);
    }

    root.addEventListener("input", function () {
      update();
      saveSoon();
    });
    root.addEventListener("playground:hash", restore);

    // "Nudge w1 by Δw": move the slider, then say what happened to the output.
    root.querySelector("[data-action=nudge]").addEventListener("click", function () {
      var before = values();
      if (!isFinite(before.dw)) {
        status.textContent = "Δw에 수를 입력하세요.";
        return;
      }
      var old = compute(before);
      inputs.w1.value = String(before.w1 + before.dw); // the browser clamps and snaps to the step
      update();
      saveSoon();
      var after = values();
      var now = compute(after);
      status.textContent =
        "w₁: " + pretty(before.w1, 2) + " → " + pretty(after.w1, 2) + ", 출력 σ(c·z): " + pretty(old.sigmoid, 6) +
        " → " + pretty(now.sigmoid, 6) + " (실제 변화 " + pretty(now.sigmoid - old.sigmoid, 6) + ")";
    });

    // Preset buttons for c (exercise II).
    root.querySelectorAll("[data-set-c]").forEach(function (button) {
      button.addEventListener("click", function () {
        inputs.c.value = button.getAttribute("data-set-c");
        update();
        saveSoon();
      });
    });

    // Back to the defaults written in the page's HTML, and a URL without a state.
    root.querySelector("[data-action=reset]").addEventListener("click", function () {
      for (var name in inputs) inputs[name].value = inputs[name].defaultValue;
      dw.value = dw.defaultValue;
      status.textContent = "";
      update();
      if (pending !== null) clearTimeout(pending);
      writeHash("");
    });

    root.classList.add("pg-live");
    var previous = carried();
    if (previous) {
      STATE.forEach(function (name) {
        controls[name].value = previous[name];
      });
      update();
    } else {
      restore();
    }
  }

  // The hash changed without a new page (typed in the address bar, a link on the page, back/forward
  // between states): every playground on the page reads it again.
  function rereadHash() {
    document.querySelectorAll("[data-playground][data-playground-ready]").forEach(function (root) {
      root.dispatchEvent(new CustomEvent("playground:hash"));
    });
  }
  window.addEventListener("hashchange", rereadHash);
  window.addEventListener("popstate", rereadHash);

  // The last playground's values and page, and the page the previous document$ emission was for:
  // a new document for the same page (a permalink clicked on it) keeps the values.
  var kept = null;
  var lastPath = null;

  function init() {
    if (lastPath !== location.pathname) kept = null;
    lastPath = location.pathname;
    document.querySelectorAll("[data-playground]").forEach(setup);
  }

  // Material's document$ announces every page: the first, and each one instant navigation brings.
  // On a first load this file runs before Material's bundle (both are deferred, and this one comes
  // first in the page), and DOMContentLoaded follows every deferred script; run again by instant
  // navigation, it finds document$ already there.
  function start() {
    if (window.document$) window.document$.subscribe(init);
    else init();
  }
  if (window.document$ || document.readyState === "complete") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
