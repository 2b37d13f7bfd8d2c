/*
 * The "recaps-translation" widget: the English side's `translation_of` field.
 *
 * It shows the state of the translation, computed in the browser from the entry being edited:
 *   missing      nothing is translated yet;
 *   in progress  something is, but it was never marked up to date;
 *   stale        it was, but the French has changed since;
 *   complete     it translates the French as it is now.
 * "Marquer comme à jour" writes in `translation_of` the version of the French text
 * (fingerprint.js), the same value `recaps mark-translated` writes; saving the entry writes it
 * to the English file. The field's `neutral` option lists what the version leaves out (the
 * language-neutral fields, from recaps.content.models.NEUTRAL_FIELDS).
 */
(function () {
  "use strict";

  var h = window.h;
  var SOURCE_LOCALE = "fr";
  var REFRESH_MS = 700;  // Decap does not re-render a field when another one changes

  var STATES = {
    missing: {
      label: "Traduction manquante", colour: "#5f6368",
      text: "Rien n’est encore traduit : le site anglais montre la page française sous un avertissement.",
    },
    progress: {
      label: "Traduction en cours", colour: "#1a5fb4",
      text: "La traduction est commencée mais n’a jamais été marquée à jour.",
    },
    stale: {
      label: "Traduction à revoir", colour: "#a13d00",
      text: "Le texte français a changé depuis que la traduction a été marquée à jour.",
    },
    complete: {
      label: "Traduction à jour", colour: "#1e6b2f",
      text: "La traduction correspond au texte français tel qu’il est.",
    },
  };

  /* Whether the English data holds anything written (translation_of aside). */
  function hasContent(value, top) {
    if (Array.isArray(value)) return value.some(function (item) { return hasContent(item, false); });
    if (value !== null && typeof value === "object") {
      return Object.keys(value).some(function (key) {
        return !(top && key === "translation_of") && hasContent(value[key], false);
      });
    }
    if (typeof value === "string") return value.trim() !== "";
    return value !== null && value !== undefined;
  }

  function stateOf(englishData, written, version) {
    if (!hasContent(englishData, true)) return "missing";
    if (!written) return "progress";
    return written === version ? "complete" : "stale";
  }

  function toJS(value) {
    return value && typeof value.toJS === "function" ? value.toJS() : value || {};
  }

  var TranslationControl = window.createClass({
    getInitialState: function () {
      return { version: null, french: null, english: null, problem: null, marked: false };
    },

    componentDidMount: function () {
      this.refresh();
      this.timer = window.setInterval(this.refresh, REFRESH_MS);
    },

    componentWillUnmount: function () {
      window.clearInterval(this.timer);
      this.gone = true;
    },

    entry: function () {
      return this.props.getEntry ? this.props.getEntry() : this.props.entry;
    },

    neutralPaths: function () {
      return toJS(this.props.field.get("neutral")) || [];
    },

    /* The version of the French text as it is now in the editor (saved or not), and the English
       data as it is typed: Decap does not render this field again when another field of the pane
       changes, so the state is read from here. */
    refresh: function () {
      var entry = this.entry();
      var english = entry.getIn(["i18n", this.props.locale, "data"]);
      if (english !== this.state.english) this.setState({ english: english });
      var french = entry.get("data");
      if (french === this.state.french) return;
      if (!window.crypto || !window.crypto.subtle) {
        this.setState({ french: french, problem: "Le calcul de la version demande une page en https ou sur 127.0.0.1." });
        return;
      }
      var self = this;
      window.RecapsFingerprint.sourceVersion(toJS(french), this.neutralPaths()).then(function (version) {
        if (!self.gone) self.setState({ version: version, french: french, problem: null });
      });
    },

    mark: function () {
      this.props.onChange(this.state.version);
      this.setState({ marked: true });
    },

    render: function () {
      var props = this.props;
      if (props.locale === SOURCE_LOCALE) {
        return h("div", { className: props.classNameWrapper, id: props.forID, "data-recaps-translation": "source" },
          "Le texte français est la source : l’état de sa traduction se lit dans le volet anglais.");
      }
      if (this.state.problem) {
        return h("div", { className: props.classNameWrapper, id: props.forID, role: "alert" }, this.state.problem);
      }
      if (this.state.version === null) {
        return h("div", { className: props.classNameWrapper, id: props.forID }, "Calcul de la version…");
      }
      var written = window.RecapsFingerprint.writtenVersion(props.value);
      var english = toJS(this.entry().getIn(["i18n", props.locale, "data"]));
      var state = stateOf(english, written, this.state.version);
      return this.renderState(state, written);
    },

    renderState: function (state, written) {
      var props = this.props, shown = STATES[state];
      var canMark = state === "progress" || state === "stale";
      return h("div", {
        className: props.classNameWrapper, id: props.forID,
        "data-recaps-translation": state, "data-source-version": this.state.version,
      },
        h("p", { role: "status", style: { margin: "0 0 0.5em" } },
          h("strong", { style: { color: shown.colour } }, shown.label), " — ", shown.text),
        h("p", { style: { margin: "0 0 0.5em", fontSize: "0.9em" } },
          "Version du texte français : ", h("code", null, this.state.version),
          " · version traduite : ", written ? h("code", null, written) : "aucune"),
        h("button", {
          type: "button", onClick: this.mark, disabled: !canMark,
          style: { padding: "0.4em 0.9em", borderRadius: "4px", border: "1px solid #1e6b2f",
                   background: canMark ? "#1e6b2f" : "#e0e0e0", color: canMark ? "#fff" : "#5f6368",
                   cursor: canMark ? "pointer" : "default" },
        }, "Marquer comme à jour"),
        this.state.marked && state === "complete"
          ? h("p", { style: { margin: "0.5em 0 0" } }, "Marquée à jour : enregistrez l’entrée pour l’écrire dans le fichier anglais.")
          : null);
    },
  });

  function NoPreview() { return null; }

  window.CMS.registerWidget("recaps-translation", TranslationControl, NoPreview);
})();
