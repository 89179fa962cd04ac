"""`python -m parcalc`: the same as the `parcalc` command."""

from .launch import main

main()
