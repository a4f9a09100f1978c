# Two commands for a fresh machine: `make book` and `make test`.
# Both create .venv from the pinned requirements.txt when it is missing or stale.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000
CHROMIUM ?= /usr/bin/chromium

# Quiet and deterministic everywhere the book runs code (kernels plot headless via the inline backend).
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export JUPYTER_PLATFORM_DIRS := 1

.PHONY: help setup book test serve notebooks student pdf grade bench canary isa lock format clean

help:
	@echo "make book       build the site into _build/html"
	@echo "make test       run every test: utils, notebook structure, strict nbval, strict build"
	@echo "make notebooks  sync each chapters/*.md into its .ipynb and execute it in place"
	@echo "make serve      serve the built site on http://localhost:$(PORT)"
	@echo "make student    the student edition (solutions removed, checks kept) in _build/student"
	@echo "make pdf        the whole book as one PDF (SOLUTIONS=appendix or omit) in _build/pdf/book.pdf"
	@echo "make grade      grade students' notebooks with the book's checks: CHAPTER=07_newton_cg SUBMISSIONS=dir"
	@echo "make bench      time every notebook, print the book's headline ratios, flag budgets"
	@echo "make canary     the notebook tests against the newest jax, jaxlib, flax and optax"
	@echo "make isa        strict nbval with XLA limited to AVX2 (an older CPU): outputs must not change"
	@echo "make lock       compile requirements.in into requirements.txt (uv pip compile)"
	@echo "make format     ruff: format the Python files and fix what lint can fix"
	@echo "make clean      remove _build (keeps .venv)"

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

setup: $(STAMP)

book: $(STAMP)
	$(BIN)/python -m tools.build .
	@echo "The site is at $(CURDIR)/_build/html/index.html (make serve to browse it)"

# The browser tests drive Debian's chromium; install it when missing and we can.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM): sudo apt-get install chromium"; exit 1; \
	fi

test: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest -n 2 --dist loadfile

serve: book
	@echo "Serving http://localhost:$(PORT) (Ctrl-C to stop)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

# ARGS: chapters to run and flags, e.g. make notebooks ARGS="-k chapters/01_autodiff_basics.md"
notebooks: $(STAMP)
	$(BIN)/python -m tools.notebooks $(ARGS)

SOLUTIONS ?= appendix
PDF ?= _build/pdf/book.pdf
pdf: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m tools.pdf --solutions $(SOLUTIONS) $(PDF)

# One row per student, one column per exercise: _build/grades/grades.csv and grades.md
grade: $(STAMP)
	@test -n "$(CHAPTER)" -a -n "$(SUBMISSIONS)" || { echo "usage: make grade CHAPTER=07_newton_cg SUBMISSIONS=folder"; exit 2; }
	$(BIN)/python -m tools.grade $(CHAPTER) $(SUBMISSIONS) $(GRADE_ARGS)

bench: $(STAMP)
	$(BIN)/python -m tools.bench

canary: $(STAMP)
	$(BIN)/python -m tools.canary

student: $(STAMP)
	$(BIN)/python -m tools.student _build/student

# The book's outputs must reproduce on older CPUs: XLA limited to AVX2 (or SSE4_2: ISA=SSE4_2)
# changes the last float32 digits and near-tolerance iteration counts, which prints and
# glued values must not show. CI (.ci/run) runs it after make test.
ISA ?= AVX2
isa: $(STAMP)
	XLA_FLAGS=--xla_cpu_max_isa=$(ISA) $(BIN)/python -m pytest chapters -n 2 --dist loadfile -q

# requirements.txt pins everything requirements.in pulls in; uv prefers the versions
# already there, so only what the change needs moves. 3.11.5 is the oldest Python the
# pins serve (soupsieve needs it).
lock: $(STAMP)
	$(BIN)/uv pip compile requirements.in -o requirements.txt --python-version 3.11.5 \
		--custom-compile-command "make lock" --quiet

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf _build
