"""The editors' commands, one module each, gathered by recaps.cli into the `recaps` command:
check and status (check.py), mark-translated, new, build, serve; repository.py finds the
repository a command works on, stops.py is how Ctrl-C and SIGTERM end a build or a preview."""
