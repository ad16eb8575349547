"""`python -m dyadscope` is the `dyadscope` command."""

from .cli import main

main()
