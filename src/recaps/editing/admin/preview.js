/*
 * The preview pane: a session or a partner as readers will see it, with the site's own style
 * sheets (Material's and docs/assets/recaps.css, read from the site's home page, which the
 * preview server serves at the root, one level above /admin/), in the language of the pane
 * Decap shows (its `locale`). The English page takes its language-neutral facts (dates, place,
 * speakers...) from the French file, as the site does.
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
    },
    en: {
      session: "Session", dates: "Dates", place: "Place", host: "Hosted by", recap: "Recap",
      published: "published on", question: "The session's question", notions: "Key notions",
      learned: "What we learned", quotes: "Speakers’ words", next: "Next session",
      kind: "Type", city: "City", website: "Website", draft: "Preview: the published page may differ.",
    },
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
      getInitialState: function () { return { french: null, asked: false, people: {} }; },
      componentDidMount: function () { this.askFrench(); this.askPeople(); },
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
      componentWillUnmount: function () { this.gone = true; },
      render: function () {
        var locale = this.props.locale === "en" ? "en" : "fr";
        var own = toJS(this.props.entry.get("data")) || {};
        var facts = locale === "fr" ? own : this.state.french || {};
        return h("article", {
          className: "md-typeset", lang: locale,
          "data-md-color-scheme": "default", "data-md-color-primary": "teal", "data-md-color-accent": "deep-orange",
          style: { padding: "1rem 1.5rem", maxWidth: "50rem", margin: "0 auto" },
        }, render(own, facts, locale, LABELS[locale], this.props, this.state.people));
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
