import sys

from kiosk.queue.cli import main

sys.exit(main())
