"""Applying for work (/applying, /routes): CV versions, letters, interviews, other routes, after the new start."""
