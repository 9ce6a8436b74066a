"""Claims: figures and statements with who asserted them and verified quotes."""
