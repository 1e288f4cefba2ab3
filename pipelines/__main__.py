"""``python -m pipelines`` is the ``sertifikasi`` command."""

import sys

from pipelines.cli import main

sys.exit(main())
