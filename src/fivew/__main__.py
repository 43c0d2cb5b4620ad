"""`python -m fivew ...`: the same commands as the `fivew` script."""

from fivew.cli import main

main()
