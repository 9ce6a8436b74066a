"""The `factcheck` command: thin wrappers that parse, call the core, and print."""
