import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# the parsed config kept between starts (kiosk/config_cache.py) goes under var/, not ~/.cache,
# for this run and the kiosk processes it starts
os.environ["XDG_CACHE_HOME"] = str(ROOT / "var" / "test-cache")
os.environ.pop("CACHE_DIRECTORY", None)

# PostgreSQL runs on every development machine and in CI: tests that need it use it, never skip.
PG_URL = os.environ.get("KIOSK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
