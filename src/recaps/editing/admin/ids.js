/*
 * Ids that editors never type: on saving a session, its `id` is written from its number
 * (session-<number>, the name Decap gives its files: the collection's `slug`). The sessions'
 * collections are the ones recaps.editing.decap_config names "sessions-<programme>".
 */
(function () {
  "use strict";

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry, data = entry.get("data");
      if (entry.get("collection").indexOf("sessions-") !== 0 || typeof data.get("number") !== "number") {
        return undefined;  // the data as it is
      }
      return data.set("id", "session-" + data.get("number"));
    },
  });
})();
