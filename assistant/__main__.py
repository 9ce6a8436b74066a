"""`python -m assistant` runs the factcheck command."""

from assistant.cli.main import run

if __name__ == "__main__":
    run()
