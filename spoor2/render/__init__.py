"""Document renderers shared by every capability's exports (PDF; Markdown and plain text; .ics)."""
