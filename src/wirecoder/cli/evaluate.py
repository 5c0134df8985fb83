"""`wirecoder eval` (being written)."""
commands: list = []
