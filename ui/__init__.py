"""The Streamlit layer shared by the page scripts in ``pages/``: the frame (``frame``) and one module
per page with its longer sections. Only this package, ``app.py`` and ``pages/`` import Streamlit."""
