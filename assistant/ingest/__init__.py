"""Ingest: load, clean and chunk articles, then embed and store them."""
