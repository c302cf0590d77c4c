"""`make soak`: python -m tests.soak (SOAK_SESSIONS, default 10,000; SOAK_SEED to replay)."""

import sys

from tests.soak.harness import main

sys.exit(main())
