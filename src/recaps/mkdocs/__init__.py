"""The MkDocs adapter: the plugin's hooks, and the speed-ups tied to MkDocs and Material."""
