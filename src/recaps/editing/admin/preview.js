/*
 * The preview pane: a session or a partner as readers will see it, with the site's own style
 * sheets (Material's and docs/assets/recaps.css, read from the site's home page, which the
 * preview server serves at the root, one level above /admin/), in the language of the pane
 * Decap shows (its `locale`). The English page takes its language-neutral facts (dates, place,
 * speakers...) from the French file, as the site does.
 *
 * Above the preview, the content errors of the entry's files, as the last check found them:
 * `recaps edit` serves them at problems.json, next to this page (recaps.editing.problems); the
 * published interface has no such file, and its pane shows none (one request, then no more).
 */
(function () {
  "use strict";

  var h = window.h;
  var SITE = new URL("../", document.baseURI).href;
  var LABELS = {
    fr: {
      session: "Session", dates: "Dates", place: "Lieu", host: "Accueillie par", recap: "Récit",
      published: "publié le", question: "La question de la session", notions: "Notions clés",
      learned: "Ce que nous avons appris", quotes: "Paroles d’intervenants", next: "Prochaine session",
      kind: "Type", city: "Ville", website: "Site web", draft: "Aperçu : la page publiée peut différer.",
      photo: "Photo\u202f: ",
    },
    en: {
      session: "Session", dates: "Dates", place: "Place", host: "Hosted by", recap: "Recap",
      published: "published on", question: "The session's question", notions: "Key notions",
      learned: "What we learned", quotes: "Speakers’ words", next: "Next session",
      kind: "Type", city: "City", website: "Website", draft: "Preview: the published page may differ.",
      photo: "Photo: ",
    },
  };

  /* The last check's problems, file by file, asked again every second while a preview shows. */
  var PROBLEMS_URL = new URL("problems.json", document.baseURI).href;
  var PROBLEMS_EVERY = 1000;  // ms
  var problems = { files: null, served: true, asking: false, listeners: [] };

  function askProblems() {
    problems.asking = true;
    window.fetch(PROBLEMS_URL, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("no problems.json");
        return response.json();
      })
      .then(function (answer) {
        problems.files = answer.files || {};
        problems.listeners.slice().forEach(function (listener) { listener(problems.files); });
        window.setTimeout(function () {
          problems.asking = false;
          if (problems.listeners.length) askProblems();
        }, PROBLEMS_EVERY);
      })
      .catch(function () {  // not served (the published interface), or no longer: asked no more
        problems.served = false;
        problems.files = null;
        problems.listeners.slice().forEach(function (listener) { listener(null); });
      });
  }

  /* listener(files) now and on every change; what stops it. */
  function watchProblems(listener) {
    if (!problems.served) return function () {};
    problems.listeners.push(listener);
    if (problems.files) listener(problems.files);
    if (!problems.asking) askProblems();
    return function () {
      problems.listeners = problems.listeners.filter(function (other) { return other !== listener; });
    };
  }

  /* The files of an entry: its French and English ones (Decap names the pair by the French
     file without its language), or its one file. */
  function entryFiles(entry) {
    var path = entry.get("path");
    if (!path || entry.get("newRecord")) return [];
    var pair = /^(.*?)(\.(fr|en))?\.md$/.exec(path);
    return pair ? [pair[1] + ".fr.md", pair[1] + ".en.md"] : [path];
  }

  function problemCount(count) {
    return count + (count > 1 ? " erreurs" : " erreur");
  }

  /* The entry's problems, in French whatever the pane's language (the editors'): nothing when
     there is none. */
  function problemsAlert(entry, files) {
    var found = [];
    entryFiles(entry).forEach(function (path) {
      ((files && files[path]) || []).forEach(function (problem) { found.push([path, problem]); });
    });
    if (!found.length) return null;
    return h("div", { key: "problems", role: "alert", lang: "fr", className: "recap-problems", style: ALERT },
      h("p", { style: { margin: "0 0 .4rem", color: "#b3261e", fontWeight: 700 } },
        "Le contenu a des erreurs (" + problemCount(found.length) + ")"),
      h("p", { style: { margin: "0 0 .4rem" } },
        "Le site ne se construit pas tant qu’elles restent\u00a0: corrigez, publiez, et cet aperçu se met à jour."),
      h("ul", { style: { margin: 0, paddingLeft: "1.2rem" } }, found.map(function (item, i) {
        var path = item[0], problem = item[1];
        return h("li", { key: i, "data-recaps-problem": path, style: { margin: ".2rem 0", overflowWrap: "anywhere" } },
          h("code", null, problem.line ? path + ":" + problem.line : path),
          problem.field ? [" · champ ", h("code", { key: "field" }, problem.field)] : null,
          "\u00a0: " + problem.message);
      })));
  }

  /* The error page's colours (recaps.pages.error_page). */
  var ALERT = {
    margin: "0 0 1.5rem", padding: ".75rem 1rem", color: "#1f1f24", background: "#fdf3f2",
    border: "1px solid #efc7c3", borderLeft: "4px solid #b3261e", borderRadius: "6px",
  };

  /* The site's style sheets, as its home page links them (Material's names carry a hash). */
  function registerSiteStyles() {
    window.fetch(SITE, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var links = Array.from(page.querySelectorAll('link[rel="stylesheet"]'));
        if (links.length === 0) throw new Error("no style sheet");
        links.forEach(function (link) {
          window.CMS.registerPreviewStyle(new URL(link.getAttribute("href"), SITE).href);
        });
      })
      .catch(function () {
        window.CMS.registerPreviewStyle(new URL("assets/recaps.css", SITE).href);
      });
  }

  function toJS(value) {
    return value && typeof value.toJS === "function" ? value.toJS() : value;
  }

  function formatDay(text, locale) {
    var date = new Date(text + "T12:00:00Z");
    if (!text || Number.isNaN(date.getTime())) return text || "";
    return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB",
      { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
  }

  function formatRange(dates, locale) {
    if (!dates || !dates.start) return "";
    if (!dates.end || dates.end === dates.start) return formatDay(dates.start, locale);
    return formatDay(dates.start, locale) + " – " + formatDay(dates.end, locale);
  }

  /* The name a relation widget stored for a value (its metadata), or the value itself. */
  function nameOf(metadata, field, collection, id, nameField) {
    var data = toJS(metadata && metadata.getIn([field, collection, id]));
    return (data && data[nameField]) || id;
  }

  /* A template that reads its facts from the French entry when it shows the English one. */
  function withFrenchFacts(render) {
    return window.createClass({
      getInitialState: function () { return { french: null, asked: false, people: {}, problems: null }; },
      componentDidMount: function () {
        var self = this;
        this.askFrench();
        this.askPeople();
        this.unwatch = watchProblems(function (files) { if (!self.gone) self.setState({ problems: files }); });
      },
      /* Everyone the quotes may name, from sessions/people.yml. */
      askPeople: function () {
        var self = this;
        if (!this.props.getCollection) return;
        this.props.getCollection("registries", "people").then(function (loaded) {
          var people = {};
          (toJS(loaded.get("data")).people || []).forEach(function (person) { people[person.id] = person; });
          if (!self.gone) self.setState({ people: people });
        }).catch(function () { /* the quotes show the speakers' ids */ });
      },
      componentDidUpdate: function () { this.askFrench(); },
      /* The saved French entry, once the English one is shown. */
      askFrench: function () {
        var props = this.props, self = this;
        if (props.locale === "fr" || this.state.asked || !props.getCollection) return;
        this.setState({ asked: true });
        props.getCollection(props.collection.get("name"), props.entry.get("slug"))
          .then(function (loaded) { if (!self.gone) self.setState({ french: toJS(loaded.get("data")) }); })
          .catch(function () { /* a new entry: its French facts are not saved yet */ });
      },
      componentWillUnmount: function () { this.gone = true; this.unwatch(); },
      render: function () {
        var locale = this.props.locale === "en" ? "en" : "fr";
        var own = toJS(this.props.entry.get("data")) || {};
        var facts = locale === "fr" ? own : this.state.french || {};
        return h("article", {
          className: "md-typeset", lang: locale,
          "data-md-color-scheme": "default", "data-md-color-primary": "teal", "data-md-color-accent": "deep-orange",
          style: { padding: "1rem 1.5rem", maxWidth: "50rem", margin: "0 auto" },
        }, problemsAlert(this.props.entry, this.state.problems),
        render(own, facts, locale, LABELS[locale], this.props, this.state.people));
      },
    });
  }

  function fact(term, value) {
    return value ? h("div", null, h("dt", null, term), h("dd", null, value)) : null;
  }

  function quoteBlock(quote, speaker, locale) {
    var text = locale === "fr" && (speaker.lang || "fr") === "fr" ? "« " + quote.text + " »" : "“" + quote.text + "”";
    return h("figure", { className: "recap-quote" },
      h("blockquote", null, h("p", null, text)),
      speaker.name ? h("figcaption", null, h("span", { className: "recap-quote__speaker" }, speaker.name),
        speaker.role ? ", " + speaker.role : null) : null);
  }

  /* The quotes of this language, each with its speaker from the French entry. */
  function quoteBlocks(own, facts, people, locale) {
    var sourceQuotes = facts.quotes || [];
    return (own.quotes || []).map(function (quote, i) {
      var source = sourceQuotes[i] || {};
      var person = people[source.speaker] || { name: source.speaker };
      var speaker = { name: person.name, role: person.role && person.role[locale], lang: source.lang };
      return h("div", { key: "quote-" + i }, quoteBlock(quote, speaker, locale));
    });
  }

  /* A recap's cover photo, as the site shows it under the facts (recaps.pages.pictures): the
     file and the credit are the French entry's, the alt text and the caption this language's,
     the French caption standing in (marked French) where the translation has none. The file is
     read through Decap (getAsset), which resolves the entry's images/ folder. */
  function coverFigure(own, facts, locale, t, getAsset) {
    var source = facts.image || {};
    var texts = own.image || {};
    if (!source.file || !getAsset) return null;
    var caption = texts.caption || source.caption;  // without the pane's own, the French one
    return h("figure", { key: "cover", className: "recap-cover" },
      h("img", { src: getAsset(source.file).toString(), alt: texts.alt || source.alt || "",
                 style: { width: "100%", height: "auto" } }),
      caption || source.credit ? h("figcaption", null,
        caption ? h("span", { className: "recap-cover__caption", lang: texts.caption ? undefined : "fr" }, caption) : null,
        caption && source.credit ? " " : null,
        source.credit ? h("span", { className: "recap-cover__credit" }, t.photo + source.credit) : null) : null);
  }

  /* A partner's logo, as its page shows it under its name: the French entry's file, the alt text
     of this language (or the French one). */
  function logoPicture(own, facts, getAsset) {
    var source = facts.logo || {};
    if (!source.file || !getAsset) return null;
    return h("div", { key: "logo" }, h("picture", { className: "recap-partner-logo" },
      h("img", { src: getAsset(source.file).toString(), alt: (own.logo || {}).alt || source.alt || "" })));
  }

  var SessionPreview = withFrenchFacts(function (own, facts, locale, t, props, people) {
    var metadata = props.fieldsMetaData;
    return [
      h("p", { key: "note", className: "recap-kicker" }, t.draft),
      h("h1", { key: "title" }, own.title || ""),
      h("p", { key: "kicker", className: "recap-kicker" }, t.session + " " + (facts.number || "")),
      h("dl", { key: "facts", className: "recap-facts" },
        fact(t.dates, formatRange(facts.dates, locale)),
        fact(t.place, facts.city),
        fact(t.host, facts.host && nameOf(metadata, "host", "partners", facts.host, "name")),
        fact(t.recap, [own.author, facts.published && t.published + " " + formatDay(facts.published, locale)]
          .filter(Boolean).join(", "))),
      coverFigure(own, facts, locale, t, props.getAsset),
      own.question ? h("p", { key: "question", className: "recap-question" },
        h("span", { className: "recap-question__label" }, t.question), " ", h("strong", null, own.question)) : null,
      own.summary ? h("p", { key: "summary" }, own.summary) : null,
      (own.notions || []).length ? h("h2", { key: "notions-title" }, t.notions) : null,
      (own.notions || []).length ? h("div", { key: "notions", className: "grid cards recap-notions" },
        h("ul", null, own.notions.map(function (notion, i) {
          return h("li", { key: i }, h("p", null, h("strong", null, notion.title)), h("hr"), h("p", null, notion.text));
        }))) : null,
      h("h2", { key: "learned" }, t.learned),
      h("div", { key: "body" }, props.widgetFor("body")),
      (own.quotes || []).length ? h("h2", { key: "quotes-title" }, t.quotes) : null,
      quoteBlocks(own, facts, people, locale),
      own.next_session && (own.next_session.note || own.next_session.title)
        ? h("p", { key: "next", className: "recap-next" }, h("strong", null, t.next), " · ",
          [own.next_session.title, own.next_session.note].filter(Boolean).join(" · ")) : null,
    ];
  });

  var PartnerPreview = withFrenchFacts(function (own, facts, locale, t, props, people) {
    return [
      h("p", { key: "note", className: "recap-kicker" }, t.draft),
      h("h1", { key: "name" }, own.name || ""),
      logoPicture(own, facts, props.getAsset),
      h("dl", { key: "facts", className: "recap-facts" },
        fact(t.kind, facts.kind), fact(t.city, facts.city), fact(t.website, facts.website)),
      own.mission ? h("p", { key: "mission" }, own.mission) : null,
      h("div", { key: "body" }, props.widgetFor("body")),
      quoteBlocks(own, facts, people, locale),
    ];
  });

  /* The sessions' collections, one per programme ("sessions-<programme>", named by
     recaps.editing.decap_config, whose configuration lists each collection as "- name: ..."
     at the start of a line). */
  function registerSessionTemplates() {
    var link = document.querySelector('link[rel="cms-config-url"]');
    window.fetch(link ? link.href : "config.yml", { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        (text.match(/^- name: sessions-[a-z0-9-]+$/gm) || []).forEach(function (line) {
          window.CMS.registerPreviewTemplate(line.slice("- name: ".length), SessionPreview);
        });
      });
  }

  registerSiteStyles();
  registerSessionTemplates();
  window.CMS.registerPreviewTemplate("partners", PartnerPreview);
})();
