"""STAND-IN until i16-config lands: web editing with Decap CMS (issue 16)."""
