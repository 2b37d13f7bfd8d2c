/*
 * Decap CMS's French (its `fr` locale, which the configuration's `locale: fr` chooses),
 * completed: the phrases it lacks (Decap shows their English), the "new entry" button with a plus
 * sign the editors' fonts have (Decap's "＋" is the full-width one, which most fonts lack: a
 * missing glyph), and the curly apostrophe of French typography.
 *
 * Registered before Decap reads its configuration, which it does once this page is loaded.
 */
(function () {
  "use strict";

  var MORE = {
    collection: {
      collectionTop: {
        newButton: "+ %{collectionLabel}",
        viewAsList: "Afficher en liste",
        viewAsGrid: "Afficher en grille",
      },
      entries: { unpublishedHeader: "Entrées non publiées" },
    },
    editor: {
      editorControl: { field: { widgetLabel: "Champ %{widgetLabel}" } },
      editorControlPane: {
        i18n: {
          copyFromLocale: "Reprendre d’une autre langue",
          copyFromLocaleConfirm: "Reprendre le contenu en %{locale}\u00a0?\nTout ce qui est déjà écrit ici sera remplacé.",
        },
      },
      editorInterface: { toggleNotes: "Afficher les notes" },
      editorNotesPane: {
        title: "Notes",
        emptyState: "Aucune note pour l’instant. Ajoutez la première ci-dessous pour travailler à plusieurs.",
        addNote: "Ajouter la note",
        addPlaceholder: "Ajouter une note…",
        editPlaceholder: "Modifier la note…",
        save: "Enregistrer",
        cancel: "Annuler",
        edit: "Modifier",
        delete: "Supprimer",
        resolve: "Marquer comme réglée",
        unresolve: "Rouvrir",
        confirmDelete: "Supprimer cette note\u00a0?",
        shortcut: "Astuce\u00a0: Ctrl+Entrée ajoute la note.",
      },
      editorToolbar: {
        statusInfoTooltipDraft: "L’entrée est un brouillon. Pour la proposer à la relecture, passez son statut à «\u00a0En cours de révision\u00a0».",
        statusInfoTooltipInReview: "L’entrée est en cours de relecture\u00a0: rien d’autre à faire. Vous pouvez encore la modifier pendant ce temps.",
      },
      editorWidgets: {
        markdown: {
          strikethrough: "Barré",
          toggleMode: { rich: "Passer en texte enrichi", markdown: "Passer en Markdown" },
        },
        image: { chooseMultiple: "Choisir des images", addMore: "Ajouter des images", removeAll: "Retirer toutes les images" },
        file: { chooseMultiple: "Choisir des fichiers", addMore: "Ajouter des fichiers", removeAll: "Retirer tous les fichiers" },
        datetime: { setToNow: "Mettre %{fieldLabel} à maintenant" },
        object: { expand: "Déplier", collapse: "Replier" },
      },
    },
    mediaLibrary: { mediaLibraryModal: { close: "Fermer" } },
    ui: {
      settingsDropdown: { account: "Options du compte" },
      toast: {
        noteAdded: "Note ajoutée",
        onFailToAddNote: "La note n’a pas pu être ajoutée\u00a0: %{details}",
        noteUpdated: "Note modifiée",
        onFailToUpdateNote: "La note n’a pas pu être modifiée\u00a0: %{details}",
        noteDeleted: "Note supprimée",
        onFailToDeleteNote: "La note n’a pas pu être supprimée\u00a0: %{details}",
        noteResolved: "Note réglée",
        noteReopened: "Note rouverte",
        onFailToToggleNote: "La note n’a pas pu changer d’état\u00a0: %{details}",
      },
    },
  };

  /* ``phrases`` with every apostrophe curly and ``more`` over it (a copy: Decap's stays as it is). */
  function completed(phrases, more) {
    var out = {};
    Object.keys(phrases || {}).forEach(function (key) {
      var value = phrases[key];
      out[key] = typeof value === "string" ? value.replace(/'/g, "’")
        : value && typeof value === "object" ? completed(value, {}) : value;
    });
    Object.keys(more).forEach(function (key) {
      out[key] = typeof more[key] === "object" ? completed(out[key], more[key]) : more[key];
    });
    return out;
  }

  window.CMS.registerLocale("fr", completed(window.CMS.getLocale("fr"), MORE));
})();
