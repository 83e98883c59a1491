// The vanilla-DOM reference list (B3): fetch the same catalog index and build the same rows with
// DOM calls, all at once, no framework. The index URL and stylesheet come from the page's data-*.
const MONTHS =
  "January February March April May June July August September October November December".split(
    " ",
  );

function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children || []) node.append(c);
  return node;
}

function row(a) {
  const [y, m, d] = a.date.split("-").map(Number);
  const text = [];
  const meta = el("p", { class: "meta" }, [
    el("a", { class: "category", href: `/category/${a.categorySlug}` }, [a.category]),
    el("span", { "aria-hidden": "true" }, [" · "]),
    el("time", { datetime: a.date }, [`${d} ${MONTHS[m - 1]} ${y}`]),
    el("span", { "aria-hidden": "true" }, [" · "]),
    el("span", {}, [`${a.minutes} minutes read`]),
  ]);
  text.push(meta, el("h2", {}, [el("a", { href: `/articles/${a.slug}` }, [a.title])]));
  text.push(el("p", { class: "excerpt" }, [a.excerpt]));
  const card = [];
  if (a.image) {
    card.push(
      el("div", { class: "card-image" }, [
        el("img", {
          src: `/${a.image.src}`,
          alt: a.image.alt,
          width: String(a.image.width),
          height: String(a.image.height),
          loading: "lazy",
          decoding: "async",
        }),
      ]),
    );
  }
  card.push(el("div", { class: "card-text" }, text));
  return el("li", {}, [el("article", { class: "card" }, card)]);
}

const index = document.documentElement.dataset.index;
fetch(index)
  .then((res) => res.json())
  .then(({ articles }) => {
    const list = el("ol", { class: "articles", "aria-label": "Latest articles" });
    for (const a of articles) list.append(row(a));
    document.querySelector("main").append(list);
  });
