// The page: plain JavaScript and the DOM, no framework and no build step. It is small (a search,
// a story, an entity, a digest, feed health), and without a bundler there is nothing to build
// and nothing between the code reviewed and the code served. Every piece of feed text goes
// into the page as text (textContent), never as HTML.

const view = document.getElementById("view");
const searchForm = document.getElementById("search");
const login = document.getElementById("login");

const token = () => sessionStorage.getItem("wirewatch_token");

async function api(path) {
  const headers = token() ? { Authorization: `Bearer ${token()}` } : {};
  const response = await fetch(path, { headers });
  if (response.status === 401) {
    login.hidden = false;
    throw new Error("This server needs its token: enter it above.");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
  return body;
}

/** An element with text and children; attributes are set as properties, never parsed as HTML. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

/** A link out only for http(s) addresses; anything else stays text. */
const outLink = (url, text) =>
  /^https?:\/\//i.test(url)
    ? el("a", { href: url, rel: "noopener noreferrer", text })
    : el("span", { text });

const LANGUAGES = { ar: "Arabic", fa: "Persian", fr: "French", ru: "Russian", en: "English" };
const languageName = (code) => LANGUAGES[code] ?? code;
const when = (iso) => (iso ? new Date(iso).toLocaleString() : "");

function show(...nodes) {
  view.replaceChildren(...nodes);
}

function failed(error) {
  show(el("p", { class: "error", text: error.message }));
}

function articleItem(a) {
  const english = a.language === "en" ? a.title : a.titleEn;
  return el(
    "article",
    { class: "item", "data-language": a.language },
    el("h3", { lang: "en", text: english ?? `${a.title}` }),
    english && a.language !== "en"
      ? el("p", { class: "original", lang: a.language, dir: "auto", text: a.title })
      : null,
    a.summaryEn ? el("p", { text: a.summaryEn }) : null,
    el(
      "p",
      { class: "meta" },
      `${languageName(a.language)} · ${a.feedId} · ${when(a.publishedAt ?? a.firstSeen)} · `,
      outLink(a.url, "source"),
      a.storyId ? " · " : "",
      a.storyId
        ? el("a", { href: `#/story/${encodeURIComponent(a.storyId)}`, text: "story" })
        : null,
    ),
    el(
      "p",
      {},
      a.entities.map((e) =>
        el("a", { class: "chip", href: `#/entity/${encodeURIComponent(e.id)}`, text: e.name }),
      ),
    ),
  );
}

async function searchView(params) {
  for (const [key, value] of params)
    if (searchForm.elements[key]) searchForm.elements[key].value = value;
  const query = new URLSearchParams([...params].filter(([, v]) => v !== ""));
  const result = await api(`/api/articles?${query}`);
  const list = result.items.map(articleItem);
  show(
    el("p", { class: "meta", text: `${result.items.length}${result.next ? "+" : ""} articles` }),
    ...(list.length ? list : [el("p", { text: "No article matches." })]),
  );
}

async function storyView(id) {
  const story = await api(`/api/stories/${encodeURIComponent(id)}`);
  const byLanguage = Map.groupBy
    ? Map.groupBy(story.sources, (s) => s.language)
    : story.sources.reduce(
        (m, s) => m.set(s.language, [...(m.get(s.language) ?? []), s]),
        new Map(),
      );
  show(
    el("h2", { text: story.titleEn ?? story.title }),
    story.titleLanguage !== "en"
      ? el("p", { class: "original", dir: "auto", text: story.title })
      : null,
    story.summaryEn ? el("p", { text: story.summaryEn }) : null,
    el("p", {
      class: "meta",
      text: `${story.articleCount} articles · ${story.languages.map(languageName).join(", ")}`,
    }),
    el(
      "div",
      { class: "sources" },
      [...byLanguage].map(([language, sources]) =>
        el(
          "section",
          { class: "item", lang: language },
          el("h3", { text: languageName(language) }),
          sources.map((s) =>
            el(
              "div",
              {},
              el("p", { dir: "auto", text: s.title }),
              s.titleEn && s.language !== "en"
                ? el("p", { class: "original", lang: "en", text: s.titleEn })
                : null,
              el(
                "p",
                { class: "meta" },
                `${s.feedId} · ${when(s.publishedAt ?? s.firstSeen)} · `,
                outLink(s.url, "source"),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

async function entityView(id) {
  const entity = await api(`/api/entities/${encodeURIComponent(id)}`);
  show(
    el("h2", { text: entity.name }),
    el("p", {
      class: "meta",
      text: `${entity.type} · ${entity.id} · ${entity.articleCount} articles`,
    }),
    el("h3", { text: "Articles per day" }),
    el("p", {
      class: "meta",
      text: entity.days.map((d) => `${d.day}: ${d.articles}`).join(" · ") || "none lately",
    }),
    el("h3", { text: "Stories" }),
    el(
      "ul",
      {},
      entity.stories.map((s) =>
        el("li", {}, el("a", { href: `#/story/${encodeURIComponent(s.id)}`, text: s.title })),
      ),
    ),
    el("h3", { text: "Latest articles" }),
    ...entity.articles.map(articleItem),
  );
}

async function storiesView() {
  const { items } = await api("/api/stories");
  show(
    el("h2", { text: "Today's stories" }),
    ...(items.length
      ? items.map((s) =>
          el(
            "article",
            { class: "item" },
            el(
              "h3",
              {},
              el("a", { href: `#/story/${encodeURIComponent(s.id)}`, text: s.titleEn ?? s.title }),
            ),
            el("p", {
              class: "meta",
              text: `${s.articleCount} articles · ${s.languages.map(languageName).join(", ")}${s.watched ? " · watched" : ""}`,
            }),
          ),
        )
      : [el("p", { text: "No story today yet." })]),
  );
}

async function digestView(day) {
  const date = day || new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const digest = await api(`/api/digests/${date}?format=json`);
  show(
    el("h2", { text: `Digest of ${digest.day} (${digest.timeZone})` }),
    el("p", {
      class: "meta",
      text: `${digest.figures.stories} stories, ${digest.figures.articles} articles`,
    }),
    ...digest.stories.map((s) =>
      el(
        "article",
        { class: "item" },
        el("h3", {}, el("a", { href: `#/story/${encodeURIComponent(s.id)}`, text: s.title })),
        s.summary ? el("p", { dir: "auto", text: s.summary.text }) : null,
      ),
    ),
  );
}

async function feedsView() {
  const { items } = await api("/api/feeds");
  show(
    el("h2", { text: "Feeds" }),
    el(
      "table",
      {},
      el(
        "tr",
        {},
        ["feed", "health", "last success"].map((h) => el("th", { text: h })),
      ),
      items.map((f) =>
        el(
          "tr",
          {},
          el("td", { text: f.id }),
          el("td", {
            text: f.lastError ? `failing (${f.consecutiveFailures}): ${f.lastError}` : "ok",
          }),
          el("td", { text: when(f.lastSuccessAt) || "never" }),
        ),
      ),
    ),
  );
}

async function route() {
  const [path, query = ""] = location.hash.replace(/^#/, "").split("?");
  const [, kind, id] = path.split("/");
  try {
    if (kind === "story" && id) await storyView(decodeURIComponent(id));
    else if (kind === "entity" && id) await entityView(decodeURIComponent(id));
    else if (kind === "stories") await storiesView();
    else if (kind === "digest") await digestView(id);
    else if (kind === "feeds") await feedsView();
    else await searchView(new URLSearchParams(query));
  } catch (error) {
    failed(error);
  }
}

searchForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const params = new URLSearchParams(new FormData(searchForm));
  location.hash = `#/search?${params}`;
});

login.addEventListener("submit", (event) => {
  event.preventDefault();
  const value = new FormData(login).get("token");
  sessionStorage.setItem("wirewatch_token", value);
  // The queue board (/admin/queues) is a page of its own: it reads the token from this cookie.
  // cookieStore exists only in secure contexts, and a desk may serve plain HTTP on its LAN.
  // biome-ignore lint/suspicious/noDocumentCookie: see above
  document.cookie = `wirewatch_token=${encodeURIComponent(value)}; path=/; SameSite=Strict`;
  login.hidden = true;
  route();
});

window.addEventListener("hashchange", route);
route();
