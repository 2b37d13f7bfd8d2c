/*
 * The "recaps-list" widget: Decap's list widget, whose items show their language-neutral fields
 * (`i18n: none`: a quote's speaker and language) in the French pane only.
 *
 * Decap hides such a field in the other languages' panes at the top of an entry and inside an
 * object, but its list widget does not pass the fields' i18n down to its items: every field of
 * an item showed in the English pane too, where what an editor wrote went into the English file.
 * This widget is the list widget itself, given in the other languages' panes the item's fields
 * without the French-only ones (what Decap writes there is then only the translated fields).
 */
(function () {
  "use strict";

  var h = window.h;
  var list = window.CMS.getWidget("list");
  var SOURCE = "fr";  // the default locale (recaps.editing.decap_config)
  var translatedOnly = new WeakMap();  // a list's field -> the same without its French-only fields

  function withoutFrenchOnly(field) {
    if (!translatedOnly.has(field)) {
      var fields = field.get("fields");
      translatedOnly.set(field, fields ? field.set("fields", fields.filter(function (sub) {
        return sub.get("i18n") !== "none";
      })) : field);
    }
    return translatedOnly.get(field);
  }

  var RecapsList = window.createClass({
    /* Decap asks the control for its validation through this (a wrapped control). */
    getWrappedInstance: function () { return this.inner; },
    render: function () {
      var self = this, props = this.props;
      var field = props.locale && props.locale !== SOURCE ? withoutFrenchOnly(props.field) : props.field;
      return h(list.control, Object.assign({}, props, {
        field: field, ref: function (control) { self.inner = control; },
      }));
    },
  });

  window.CMS.registerWidget("recaps-list", RecapsList, list.preview, list.schema);
})();
