# Every target sets up what it needs on a fresh Debian machine first.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
QM     := resources/i18n/en.qm
export QT_QPA_FONTDIR ?=

.PHONY: setup run test lint demo bench soak bundle i18n clean

$(STAMP): pyproject.toml tools/setup-system.sh
	bash tools/setup-system.sh
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,simulate]'
	touch $(STAMP)

setup: $(STAMP)

# The kiosk with simulated devices; with no display it runs the headless demo instead.
run: setup
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(PY) run_kiosk.py --config resources/config/simulate.toml --simulate --windowed; \
	else \
		echo "No display found: running the headless demo instead (screenshots in demo-out/)."; \
		QT_QPA_PLATFORM=offscreen $(PY) run_kiosk.py --config resources/config/simulate.toml --simulate --demo demo-out; \
	fi

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q

demo: setup
	QT_QPA_PLATFORM=offscreen $(PY) run_kiosk.py --config resources/config/simulate.toml --simulate --demo demo-out

bench: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# Every journey on the simulators with random device faults (CI runs 300 inside `make test`).
# Prints sessions, faults by kind, RSS per 1,000 sessions, fds, threads; SOAK_SEED=n replays a run.
soak: setup
	QT_QPA_PLATFORM=offscreen SOAK_SESSIONS=$${SOAK_SESSIONS:-10000} $(PY) -m tests.soak

# Rebuild the compiled translations after editing resources/i18n/en.ts
i18n: setup
	$(VENV)/bin/pyside6-lupdate $$(git ls-files '*.py' | grep -E '^(core|kiosk|flows|devices|hall|backends)/') -no-obsolete -ts resources/i18n/en.ts
	$(VENV)/bin/pyside6-lrelease resources/i18n/en.ts -qm $(QM).new && mv $(QM).new $(QM)  # by rename: a running kiosk maps the old file

# The production bundle: simulate-only packages (scikit-image, SciPy, dlib and its models) stay
# out (kiosk.spec); the reference servers stay in so the bundle can run its simulated demo.
# Fails if one of kiosk.spec's SIMULATE_ONLY packages got in, as files or as modules in the archive.
# The demo runs from build/ so its var/ (database, journal, pickup signing key) stays out of dist/.
SIMULATE_ONLY := skimage scipy dlib _dlib_pybind11 face_recognition_models matplotlib
bundle: setup
	$(VENV)/bin/pyinstaller --noconfirm --clean kiosk.spec
	@mods="$$($(VENV)/bin/pyi-archive_viewer -r -b dist/kiosk/kiosk)" || exit 1; for p in $(SIMULATE_ONLY); do \
		if ls -d dist/kiosk/_internal/$$p dist/kiosk/_internal/$$p[.-]* 2>/dev/null | grep . || echo "$$mods" | grep -m3 -E "^ *$$p(\.|$$)"; then \
			echo "simulate-only package $$p is in the bundle: exclude it in kiosk.spec"; exit 1; fi; done
	cd build && QT_QPA_PLATFORM=offscreen ../dist/kiosk/kiosk --config ../dist/kiosk/_internal/resources/config/simulate.toml --simulate --demo bundle-demo
	@$(VENV)/bin/python tools/check_bundle_cache.py dist/kiosk/_internal/core/__pycache__
	@echo "Bundle in dist/kiosk/ starts and ran its demo (build/bundle-demo/index.html)."
	@echo "Bundle size: $$(du -sm dist/kiosk | cut -f1) MiB ($$(find dist/kiosk -type f | wc -l) files); largest:"
	@du -sm dist/kiosk/_internal/* | sort -rn | head -8

clean:
	rm -rf build dist demo-out var
