"""`python -m mpforge` runs the command-line interface."""

from mpforge.cli import main

raise SystemExit(main())
