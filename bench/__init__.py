"""Benchmarks: ``python -m bench <name> [--size small|default|large]``.

Each prints its figures beside a baseline and ends with the line
``<name>: ours <value> <unit> | <baseline> <value> <unit> | ratio <x>``.
"""
