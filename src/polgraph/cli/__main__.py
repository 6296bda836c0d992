"""``python -m polgraph.cli``: the command line, as the ``polgraph`` script runs it."""

from polgraph.cli import main

main()
