// The PDF edition's one document, assembled in the browser from the built pages (scripts/tools/pdf.py).
// Runs in the chapter page, whose stylesheets and scripts stay: every part is the <article> of a
// built page, fetched from the same server, so the book has no text of its own but its title page
// and contents. Ids get the part's prefix, and every link is rewritten: to a page of the book, an
// in-document anchor; anywhere else, the site's or the other host's address, printed after it.
async ({ parts, siteUrl, words }) => {
  const root = new URL("/", location.href);
  const slugOf = new Map(parts.map((part) => [part.path, part.slug]));
  const article = document.querySelector("article.md-content__inner");

  // Return the in-document anchor for a same-site URL, or null if its page is not in the book.
  const anchor = (url) => {
    const slug = slugOf.get(url.pathname.slice(root.pathname.length));
    if (slug === undefined) return null;
    return url.hash ? `#${slug}--${decodeURIComponent(url.hash.slice(1))}` : `#part-${slug}`;
  };

  // Rewrite one part's ids and links; links out of the book print their address after them.
  const rewrite = (body, slug, pageUrl) => {
    for (const node of body.querySelectorAll("[id]")) node.id = `${slug}--${node.id}`;
    for (const link of body.querySelectorAll("a[href]")) {
      const url = new URL(link.getAttribute("href"), pageUrl);
      const inside = url.origin === root.origin ? anchor(url) : null;
      if (inside) {
        link.setAttribute("href", inside);
        continue;
      }
      const address = url.origin === root.origin ? siteUrl + url.href.slice(root.href.length) : url.href;
      link.setAttribute("href", address);
      const text = link.textContent.trim();
      if (text !== address && text !== address.replace(/\/$/, "")) {
        const printed = document.createElement("span");
        printed.className = "pdf-address";
        printed.textContent = ` (${decodeURI(address)})`;
        link.after(printed);
      }
    }
    // Emphasis without Hangul (a Latin title) keeps its italic; Hangul gets 드러냄표 (extra.css).
    for (const em of body.querySelectorAll("em")) {
      if (!/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(em.textContent)) em.classList.add("pdf-latin");
    }
    for (const img of body.querySelectorAll("img[src]")) {
      img.src = new URL(img.getAttribute("src"), pageUrl).href;
      img.loading = "eager";
    }
  };

  // One line of the contents: the heading, linked, and its page (filled in after a first print).
  const entry = (heading) => {
    const item = document.createElement("li");
    item.innerHTML = `<a href="#${heading.id}"><span class="pdf-entry"></span><span class="pdf-page"></span></a>`;
    item.querySelector(".pdf-entry").textContent = heading.textContent.trim();
    return item;
  };

  const book = document.createDocumentFragment();
  const titlePage = document.createElement("section");
  titlePage.className = "pdf-title-page";
  book.append(titlePage);
  const contents = document.createElement("nav");
  contents.className = "pdf-contents";
  contents.innerHTML = `<h1 id="contents">${words.contents}</h1><ol></ol>`;
  book.append(contents);

  for (const part of parts) {
    const pageUrl = new URL(part.path, root);
    const html = await (await fetch(pageUrl)).text();
    const page = new DOMParser().parseFromString(html, "text/html");
    const body = page.querySelector("article.md-content__inner");
    // Chrome of the page, not text: permalinks, edit buttons, the PDF link itself, the dark figures.
    body.querySelectorAll('.headerlink, .md-content__button, .pdf-edition, img[src$="#only-dark"], script')
      .forEach((node) => node.remove());
    body.querySelectorAll("details").forEach((details) => details.setAttribute("open", ""));
    rewrite(body, part.slug, pageUrl);
    const h1 = body.querySelector("h1");
    if (part.label) h1.prepend(`${part.label} `);
    const section = document.createElement("section");
    section.className = "pdf-part";
    section.id = `part-${part.slug}`;
    section.append(...body.childNodes);
    book.append(section);
    // Contents: the part and its sections (h2), each a link to its heading.
    const item = entry(h1);
    const sections = section.querySelectorAll(":scope > h2");
    if (part.sections && sections.length) {
      const list = document.createElement("ol");
      for (const h2 of sections) list.append(entry(h2));
      item.append(list);
    }
    contents.querySelector("ol").append(item);
  }

  // The title page: the site's name and authors, and from the built footer the credit to the original.
  const [name, subtitle] = document.querySelector(".md-header__topic .md-ellipsis").textContent.trim().split(" — ");
  const credit = document.querySelector(".md-copyright__highlight").cloneNode(true);
  rewrite(credit, "title", location.href);
  const line = (className, text) => {
    const p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  };
  const colophon = document.createElement("div");
  colophon.className = "pdf-colophon";
  const creditLine = document.createElement("p");
  creditLine.append(...credit.childNodes);
  colophon.append(creditLine, line("pdf-online", `${words.online} ${siteUrl}`));
  titlePage.append(
    line("pdf-title", name),
    line("pdf-subtitle", subtitle || ""),
    line("pdf-authors", words.by),
    line("pdf-translators", `${words.translated} ${document.querySelector('meta[name="author"]').content}`),
    colophon,
  );

  article.replaceChildren(book);
  document.body.classList.add("pdf-book");
  document.body.setAttribute("data-md-color-scheme", "default");
  document.title = name;
  await Promise.all(
    [...document.images].map((img) =>
      img.complete ? null : new Promise((resolve) => { img.onload = img.onerror = resolve; })),
  );
  await document.fonts.ready;
  return {
    missing: [...document.images].filter((img) => !img.naturalWidth).map((img) => img.src),
    text: [...new Set(article.textContent)].sort().join(""),
  };
}
