# stockops — one command each: `make test`, `make demo`, `make bench NAME=travel`
PYTHON ?= python3

.PHONY: test demo bench lint format

test:
	$(PYTHON) tools/run_tests.py

demo:
	$(PYTHON) tools/run_demo.py

bench:
	$(PYTHON) -m bench $(NAME) $(if $(SIZE),--size $(SIZE))

lint:
	$(PYTHON) -m ruff check . && $(PYTHON) -m ruff format --check .

format:
	$(PYTHON) -m ruff check --fix . && $(PYTHON) -m ruff format .
