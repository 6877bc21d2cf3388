"""Legal numbers (``params``) and legal sources (``sources``), loaded from ``content/legal/``."""
