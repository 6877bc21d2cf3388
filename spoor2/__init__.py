"""spoor2 — the rules, content and storage behind the Spoor 2 self-help portal.

This package never imports Streamlit. Pages in ``pages/`` read widgets, call into this
package, and render what it returns.
"""

__version__ = "0.1.0"
