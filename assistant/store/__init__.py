"""Storage: documents, chunk vectors (Chroma) and the lexical index."""
