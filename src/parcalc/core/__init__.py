"""The core layer: criterion trees, appraised values, scoring rules and the engine.

Pure and exact: Decimal arithmetic, no files, no terminal, no third-party libraries.
It imports nothing of parcalc outside parcalc.core; every other layer builds on it.
A new scoring rule goes in rules.py; a new kind of finding in model.py and labels.py.
"""
