"""`python -m golo_fast` is the `golo-fast` command."""
import sys

from golo_fast.cli import main

sys.exit(main())
