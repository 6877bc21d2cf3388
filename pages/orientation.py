"""Placeholder: this page is being built by its issue."""

from pages.frame import legal_footer, page_start

page_start("nav.orientation")
legal_footer()
