"""`python -m stconfig` runs the command line."""

from stconfig.cli import main

if __name__ == "__main__":
    main()
