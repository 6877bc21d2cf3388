"""My file (/my-file): the self-check, my proposals, my view (oordeel werknemer), an expert-opinion pack."""
