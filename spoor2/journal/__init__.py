"""The energy journal (/journal): check-ins, what activities cost, patterns, the typical day for the doctor."""
