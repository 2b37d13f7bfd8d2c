/*
 * The "recaps-relation" widget: Decap's relation widget (a reference to a partner, a person or
 * a tag), kept out of the language whose file does not hold the value.
 *
 * A reference is language-neutral: it is written in the French file only (`i18n: none`).
 * Decap still mounts a hidden copy of each field in the English pane, and its relation widget,
 * once mounted with a value (the French one), writes it into the English data: the English file
 * would then repeat the reference, and disagree with the French as soon as the French one
 * changes. This widget is the relation widget itself, except that where the field is hidden
 * it neither mounts nor renders.
 */
(function () {
  "use strict";

  var relation = window.CMS.getWidget("relation");

  class RecapsRelation extends relation.control {
    isElsewhere() {
      return Boolean(this.props.isFieldHidden && this.props.isFieldHidden(this.props.field));
    }

    componentDidMount() {
      if (!this.isElsewhere()) return super.componentDidMount();
      return undefined;
    }

    render() {
      return this.isElsewhere() ? null : super.render();
    }
  }

  window.CMS.registerWidget("recaps-relation", RecapsRelation, relation.preview, relation.schema);
})();
