"""`python -m stconfig` runs the command line, as the `stconfig` console script does."""

from stconfig.cli import run

if __name__ == "__main__":
    run()
